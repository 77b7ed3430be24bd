using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>
/// Training and scoring against real SQLite with a real Hangfire server serving the gpu queue: simulated history →
/// queued run → registered version with baselines → promoted → predictions. Tiny models and few epochs.
/// </summary>
public sealed class ModelTrainingTests(ModelTrainingTests.World fixture) : IClassFixture<ModelTrainingTests.World>
{
    private readonly PortalTestHost _world = fixture.Host;

    /// <summary>One host per class: Hangfire's static configuration outlives a disposed host.</summary>
    public sealed class World : IAsyncLifetime
    {
        public PortalTestHost Host { get; } = new();

        public async Task InitializeAsync()
        {
            Host.Settings["Jobs:RunServer"] = "true";
            Host.Settings["Jobs:Queues:0"] = "gpu";
            Host.Settings["Models:IntraOpThreads"] = "2";
            await Host.InitializeAsync();
            await Host.Get<ModelDemoSeeder>().SeedUncheckedAsync(Host.TeamA, days: 200);
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    private static TrainingRunInput Tiny(int teamId, ForecastTarget target = ForecastTarget.Readiness, int epochs = 3) => new()
    {
        Target = target,
        Architecture = ModelKind.GruForecaster,
        TeamId = teamId,
        WindowDays = 7,
        Epochs = epochs,
        HiddenSize = 8,
        BatchSize = 32,
    };

    [Fact]
    public async Task ATrainingRunRegistersAVersionWithBaselinesAndScoringWritesExplainedPredictions()
    {
        var models = _world.Get<ModelService>();
        var runId = await models.StartTrainingAsync(_world.CoachA, Tiny(_world.TeamA));
        var run = await WaitAsync(runId, r => r.Status is TrainingRunStatus.Succeeded or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled);
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
        Assert.True(run.Epoch >= 1);
        Assert.False(run.LossHistory.IsEmpty);

        var version = await models.GetVersionAsync(_world.CoachA, run.ModelVersionId!.Value);
        Assert.Equal("mae", version.MetricName);
        Assert.Contains("persistence", version.Metrics.Baselines.Keys);
        Assert.Contains("ewma", version.Metrics.Baselines.Keys);
        Assert.Contains("banister", version.Metrics.Baselines.Keys);
        Assert.NotEmpty(version.TestSeries.Points);
        Assert.Equal(64, version.DataHash.Length);
        Assert.True(version.TestSamples > 0 && version.TrainSamples > version.TestSamples);

        // CUDA is not loadable on the CI machines: the run falls back to the CPU and says why.
        if (version.Device == nameof(ExecutionDevice.Cpu))
        {
            Assert.False(string.IsNullOrWhiteSpace(version.DeviceReason));
        }

        var (bytes, _) = await models.GetArtifactAsync(_world.CoachA, version.Id);
        Assert.NotEmpty(bytes);

        // the job judged the version with the interval rule, and the registry follows that judgement
        Assert.NotNull(version.Promotion);
        Assert.Equal(version.Promotion.IsPromotable, version.BeatsBaseline);
        Assert.True(version.Promotion.Athletes > 0);
        if (!version.BeatsBaseline)
        {
            await Assert.ThrowsAsync<ValidationFailedException>(() => models.PromoteAsync(_world.CoachA, version.Id, null));
        }

        await models.PromoteAsync(_world.CoachA, version.Id, "Test run: tiny model.");
        await _world.Get<ModelScoringJob>().RunAsync(CancellationToken.None);

        var forecasts = await models.GetForecastsAsync(_world.AthleteA, _world.AthleteAProfile);
        var readiness = Assert.Single(forecasts);
        Assert.Equal(ForecastTarget.Readiness, readiness.Target);
        Assert.True(readiness.Lower <= readiness.Value && readiness.Value <= readiness.Upper);
        Assert.NotEmpty(readiness.Drivers);
        Assert.StartsWith("Readiness tomorrow:", readiness.Describe(), StringComparison.Ordinal);

        // Re-running the finished run, or a crashed run whose version was registered, never registers twice.
        await _world.Get<ModelTrainingJob>().RunAsync(runId, CancellationToken.None);
        await using (var db = _world.CreateDb())
        {
            await db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Running));
        }

        await _world.Get<ModelTrainingJob>().RunAsync(runId, CancellationToken.None);
        await using (var db = _world.CreateDb())
        {
            Assert.Equal(1, await db.ModelVersions.CountAsync(v => v.TrainingRunId == runId));
            Assert.Equal(TrainingRunStatus.Succeeded, (await db.TrainingRuns.SingleAsync(r => r.Id == runId)).Status);
        }

        // Another team's coach sees none of it.
        var other = _world.CoachB;
        await Assert.ThrowsAsync<ForbiddenException>(() => models.StartTrainingAsync(other, Tiny(_world.TeamA)));
        await Assert.ThrowsAsync<ForbiddenException>(() => models.StartTrainingAsync(_world.AthleteA, Tiny(_world.TeamA)));
        Assert.Empty(await models.ListVersionsAsync(other, null));
        Assert.Empty(await models.ListRunsAsync(other, null));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetVersionAsync(other, version.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetArtifactAsync(other, version.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => models.PromoteAsync(other, version.Id, "x"));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetForecastsAsync(other, _world.AthleteAProfile));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetForecastsAsync(_world.AthleteB, _world.AthleteAProfile));
        await Assert.ThrowsAsync<NotFoundException>(() => models.CancelAsync(other, runId));
    }

    [Fact]
    public async Task ACancelledRunStopsAndRegistersNothing()
    {
        var models = _world.Get<ModelService>();
        // Cancelled at once: the job either sees the request before training or stops mid-run; small batches and a
        // wider model keep the run long enough that it cannot finish first.
        var input = Tiny(_world.TeamA, epochs: 200);
        input.HiddenSize = 64;
        input.BatchSize = 8;
        var runId = await models.StartTrainingAsync(_world.CoachA, input);
        await models.CancelAsync(_world.CoachA, runId);
        var run = await WaitAsync(runId, r => r.Status is TrainingRunStatus.Succeeded or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled);
        Assert.Equal(TrainingRunStatus.Cancelled, run.Status);
        Assert.Null(run.ModelVersionId);
        await using var db = _world.CreateDb();
        Assert.False(await db.ModelVersions.AnyAsync(v => v.TrainingRunId == runId));
    }

    [Theory]
    [InlineData(TrainingRunStatus.Cancelled)] // the service saw no live job and ended the run itself
    [InlineData(TrainingRunStatus.Queued)] // the service left the ending to the job it saw running
    public async Task AJobThatReadItsRunJustBeforeACancelDoesNotStartItAndTheRunStaysCancelled(TrainingRunStatus endedBy)
    {
        var runId = await QueuedRunAsync();

        // The job has read its run (queued, no request) when the cancel lands on the row.
        await using var jobDb = _world.CreateDb();
        var run = await jobDb.TrainingRuns.SingleAsync(r => r.Id == runId);
        await using (var db = _world.CreateDb())
        {
            await db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(x => x.SetProperty(r => r.CancelRequested, true).SetProperty(r => r.Status, endedBy)
                .SetProperty(r => r.FinishedUtc, endedBy == TrainingRunStatus.Cancelled ? DateTime.UtcNow : null));
        }

        Assert.False(await TrainingRunLifecycle.StartAsync(jobDb, run, TimeProvider.System, _world.Get<Notifications.ChangeNotifier>(), CancellationToken.None));
        await using var check = _world.CreateDb();
        var stored = await check.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        Assert.Equal(TrainingRunStatus.Cancelled, stored.Status);
        Assert.Null(stored.StartedUtc);
        Assert.NotNull(stored.FinishedUtc);
    }

    [Fact]
    public async Task ATrainersRefusalEndsTheRunAsFailedInItsWordsAndAnyOtherErrorIsLeftToTheJobsRetry()
    {
        var notifier = _world.Get<Notifications.ChangeNotifier>();
        var refused = await QueuedRunAsync();
        await using (var db = _world.CreateDb())
        {
            var run = await db.TrainingRuns.SingleAsync(r => r.Id == refused);
            var version = await TrainingRunLifecycle.ExecuteAsync(_world.Get<IDbContextFactory<CoachPortal.Core.Data.AppDbContext>>(), db, run,
                (_, _) => throw new LearningException("the photo of frame 3 does not decode"), ex => ex is LearningException, TimeProvider.System, notifier, CancellationToken.None);
            Assert.Null(version);
        }

        var crashed = await QueuedRunAsync();
        await using (var db = _world.CreateDb())
        {
            var run = await db.TrainingRuns.SingleAsync(r => r.Id == crashed);
            await Assert.ThrowsAsync<InvalidOperationException>(() => TrainingRunLifecycle.ExecuteAsync(_world.Get<IDbContextFactory<CoachPortal.Core.Data.AppDbContext>>(), db, run,
                (_, _) => throw new InvalidOperationException("disk gone"), ex => ex is LearningException, TimeProvider.System, notifier, CancellationToken.None));
        }

        await using var check = _world.CreateDb();
        var failed = await check.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == refused);
        Assert.Equal((TrainingRunStatus.Failed, "the photo of frame 3 does not decode"), (failed.Status, failed.FailureReason));
        Assert.NotNull(failed.FinishedUtc);
        Assert.False(await check.ModelVersions.AnyAsync(v => v.TrainingRunId == refused));
        var running = await check.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == crashed);
        Assert.Equal(TrainingRunStatus.Running, running.Status);
        Assert.Null(running.FinishedUtc);
    }

    private async Task<int> QueuedRunAsync()
    {
        await using var db = _world.CreateDb();
        var queued = new TrainingRun { Target = ForecastTarget.Readiness, Architecture = ModelKind.GruForecaster, Scope = ModelScope.Team, TeamId = _world.TeamA, Status = TrainingRunStatus.Queued, RequestedByUserId = _world.CoachA.UserId };
        db.TrainingRuns.Add(queued);
        await db.SaveChangesAsync();
        return queued.Id;
    }

    [Fact]
    public async Task AnInjuryRunIgnoresYearsOfDecayingLoadAfterAnOldUploadAndShowsRealLosses()
    {
        // An athlete whose only session is years old: every day since has a daily load, and no one recorded injuries.
        var old = await LoadTestData.NewAthleteAsync(_world, _world.CoachA, _world.TeamA, "Oldtimer");
        await LoadTestData.AddSessionsAsync(_world, [LoadTestData.ASession(old, new DateTime(2012, 4, 2, 9, 0, 0, DateTimeKind.Utc), tss: 80)]);
        await LoadTestData.RecomputeAsync(_world, old, DateOnly.MinValue);

        var runId = await _world.Get<ModelService>().StartTrainingAsync(_world.CoachA, Tiny(_world.TeamA, ForecastTarget.InjuryRisk, epochs: 3));
        var run = await WaitAsync(runId, r => r.Status is TrainingRunStatus.Succeeded or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled);

        if (run.Status == TrainingRunStatus.Failed)
        {
            // Too few onsets in the monitored period: said plainly, with the span, instead of a useless model.
            Assert.Contains("Too few injury events", run.FailureReason, StringComparison.Ordinal);
            Assert.DoesNotContain("2012-", run.FailureReason, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(TrainingRunStatus.Succeeded, run.Status);
        var version = await _world.Get<ModelService>().GetVersionAsync(_world.CoachA, run.ModelVersionId!.Value);
        Assert.False(version.DataSpan.StartsWith("2012", StringComparison.Ordinal), version.DataSpan);
        Assert.NotEmpty(run.LossHistory.Points);
        Assert.All(run.LossHistory.Points, p => Assert.True(p.TrainingLoss > 1e-3, $"training loss {p.TrainingLoss}"));
    }

    private async Task<TrainingRun> WaitAsync(int runId, Func<TrainingRun, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        TrainingRun run;
        do
        {
            await Task.Delay(200);
            run = await _world.Get<ModelService>().GetRunAsync(_world.CoachA, runId);
        }
        while (!done(run) && DateTime.UtcNow < deadline);

        return run;
    }
}
