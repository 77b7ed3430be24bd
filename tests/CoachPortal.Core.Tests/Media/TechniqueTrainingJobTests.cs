using System.Text.Json;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Technique;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Media;

/// <summary>
/// Technique training against real SQLite, a real Hangfire server on the gpu queue and real ONNX Runtime: labelled
/// frames → queued run → one registered version judged against its baseline → promoted only when it beats it.
/// </summary>
public sealed class TechniqueTrainingJobTests(TechniqueTrainingJobTests.World fixture, ITestOutputHelper output) : IClassFixture<TechniqueTrainingJobTests.World>
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
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    [Fact]
    public async Task ARunTrainsInTheBackgroundAndRegistersOneVersionThatBeatsItsBaselineAndIsPromoted()
    {
        var athletes = await TechniqueLabelling.AthletesAsync(_world, _world.CoachA, _world.TeamA, "Squatter", 8);
        for (int a = 0; a < athletes.Count; a++)
        {
            await TechniqueLabelling.AddLabelledVideoAsync(_world, _world.CoachA, athletes[a], "back squat", 10, new Random(300 + a), 0.8 + (0.04 * a));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runId = await _world.Get<TechniqueModelService>().StartTrainingAsync(_world.CoachA, _world.TeamA, new TechniqueRunInput { Exercise = " Back Squat " });
        var run = await WaitAsync(runId);
        output.WriteLine($"queued to {run.Status} in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
        Assert.Equal(ModelKind.KeypointCnn, run.Architecture);
        Assert.Equal("Back Squat", JsonSerializer.Deserialize<TechniqueRunInput>(run.HyperParametersJson)!.Exercise);
        Assert.Equal(TechniqueTrainer.DefaultHeadEpochs, run.Epoch);
        Assert.Equal(TechniqueTrainer.DefaultHeadEpochs, run.LossHistory.Points.Count);
        Assert.NotNull(run.Device);

        var models = _world.Get<ModelService>();
        var version = await models.GetVersionAsync(_world.CoachA, run.ModelVersionId!.Value);
        output.WriteLine($"version {version.Id}: {version.MetricName} {version.TestError:F3} vs {version.BestBaselineName} {version.BestBaselineError:F3}, trained in {version.TrainingSeconds:F1} s on {version.Device}; {version.Promotion?.Reason}");
        Assert.Equal((ForecastTarget.Technique, ModelKind.KeypointCnn, ModelScope.Team, _world.TeamA), (version.Target, version.Architecture, version.Scope, version.TeamId));
        Assert.Equal(TechniqueTrainingJob.MetricName, version.MetricName);
        Assert.True(version.TestError < version.BestBaselineError, $"{version.TestError} vs {version.BestBaselineError}");
        Assert.Equal(PromotionVerdict.Promotable, version.Promotion!.Verdict);
        Assert.True(version.BeatsBaseline);
        var technique = version.Metrics.Technique!;
        Assert.Equal(("Back Squat", 80, 40, TechniqueLabelling.ClipFrames), (technique.Exercise, technique.Samples, technique.GoodSamples, technique.WindowFrames));
        Assert.Equal(3, technique.HeldOutAthletes.Count);
        Assert.Empty(technique.HeldOutAthletes.Intersect(technique.TrainingAthletes));
        Assert.Equal(30, version.TestSamples);
        Assert.Equal(50, version.TrainSamples);
        Assert.NotNull(technique.OcclusionPeakFrame);
        Assert.Equal(64, version.DataHash.Length);
        var (bytes, fileName) = await models.GetArtifactAsync(_world.CoachA, version.Id);
        Assert.NotEmpty(bytes);
        Assert.EndsWith(".onnx", fileName, StringComparison.Ordinal);

        // the Models page's list carries it, and the forecast form's scoring leaves it alone
        Assert.Contains(await models.ListVersionsAsync(_world.CoachA, _world.TeamA), v => v.Id == version.Id && v.Target == ForecastTarget.Technique);
        await models.PromoteAsync(_world.CoachA, version.Id, null);
        Assert.Equal(ModelVersionStatus.Active, (await models.GetVersionAsync(_world.CoachA, version.Id)).Status);
        await _world.Get<ModelScoringJob>().RunAsync(CancellationToken.None);
        await using (var db = _world.CreateDb())
        {
            Assert.False(await db.ModelPredictions.AnyAsync(p => p.ModelVersionId == version.Id));
            Assert.False(await ModelScoringJob.HasActiveVersionAsync(db, _world.TeamA, CancellationToken.None));
        }

        // Re-running the finished run, or a crashed run whose version was registered, never registers twice.
        await _world.Get<TechniqueTrainingJob>().RunAsync(runId, CancellationToken.None);
        await using (var db = _world.CreateDb())
        {
            await db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Running));
        }

        await _world.Get<TechniqueTrainingJob>().RunAsync(runId, CancellationToken.None);
        await using (var db = _world.CreateDb())
        {
            Assert.Equal(1, await db.ModelVersions.CountAsync(v => v.TrainingRunId == runId));
            var again = await db.TrainingRuns.SingleAsync(r => r.Id == runId);
            Assert.Equal((TrainingRunStatus.Succeeded, version.Id), (again.Status, again.ModelVersionId));
        }

        await models.RollBackAsync(_world.CoachA, version.Id);
        Assert.Equal(ModelVersionStatus.Retired, (await models.GetVersionAsync(_world.CoachA, version.Id)).Status);

        // another team's coach and an athlete see none of it and change nothing
        await Assert.ThrowsAsync<NotFoundException>(() => models.PromoteAsync(_world.CoachB, version.Id, null));
        await Assert.ThrowsAsync<NotFoundException>(() => models.PromoteAsync(_world.AthleteA, version.Id, null));
        await Assert.ThrowsAsync<NotFoundException>(() => models.GetArtifactAsync(_world.CoachB, version.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _world.Get<TechniqueModelService>().ListVersionsAsync(_world.CoachB, _world.TeamA));
        Assert.DoesNotContain(await models.ListVersionsAsync(_world.CoachB, null), v => v.Id == version.Id);
    }

    [Fact]
    public async Task ARunWithTooFewLabelsFailsAndSaysWhatTrainingNeeds()
    {
        var athlete = (await TechniqueLabelling.AthletesAsync(_world, _world.CoachA, _world.TeamA, "Lunger", 1))[0];
        await TechniqueLabelling.AddLabelledVideoAsync(_world, _world.CoachA, athlete, "lunge", 4, new Random(7), 1);

        var runId = await _world.Get<TechniqueModelService>().StartTrainingAsync(_world.CoachA, _world.TeamA, new TechniqueRunInput { Exercise = "lunge" });
        var run = await WaitAsync(runId);

        Assert.Equal(TrainingRunStatus.Failed, run.Status);
        Assert.Equal($"Training needs at least {TechniqueModelService.MinLabels} labelled frames (both good and fix) on clips with pose from "
            + $"{TechniqueModelService.MinAthletes} athletes; there are 4 (2 good) from 1.", run.FailureReason);
        Assert.Null(run.ModelVersionId);
        Assert.NotNull(run.FinishedUtc);
        await using var db = _world.CreateDb();
        Assert.False(await db.ModelVersions.AnyAsync(v => v.TrainingRunId == runId));
    }

    [Fact]
    public async Task AVersionThatDoesNotBeatItsBaselineIsNeverPromotedEvenWithAReason()
    {
        // every squat moves the same way, half labelled good: nothing to learn, so nothing better than the baseline
        var athletes = await TechniqueLabelling.AthletesAsync(_world, _world.CoachA, _world.TeamA, "Puller", 7);
        for (int a = 0; a < athletes.Count; a++)
        {
            await TechniqueLabelling.AddLabelledVideoAsync(_world, _world.CoachA, athletes[a], "deadlift", 6, new Random(a), 1, signal: false);
        }

        var runId = await _world.Get<TechniqueModelService>().StartTrainingAsync(_world.CoachA, _world.TeamA, new TechniqueRunInput { Exercise = "deadlift", Epochs = 20 });
        var run = await WaitAsync(runId);
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
        var models = _world.Get<ModelService>();
        var version = await models.GetVersionAsync(_world.CoachA, run.ModelVersionId!.Value);
        output.WriteLine($"{version.TestError:F3} vs {version.BestBaselineError:F3}: {version.Promotion?.Reason}");

        Assert.False(version.BeatsBaseline);
        Assert.NotEqual(PromotionVerdict.Promotable, version.Promotion!.Verdict);
        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => models.PromoteAsync(_world.CoachA, version.Id, "The coaches trust it."));
        Assert.Contains("not shown to beat", refusal.Errors.Single().Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationFailedException>(() => models.PromoteAsync(_world.Admin, version.Id, null));
        Assert.Equal(ModelVersionStatus.Candidate, (await models.GetVersionAsync(_world.CoachA, version.Id)).Status);
    }

    [Fact]
    public async Task LabelledPhotosTrainTheResNetHeadInTheSameJobAgainstTheMajorityClass()
    {
        // nine athletes with eight photos each, three of them arms-up ("good"): the majority class is "fix"
        var athletes = await TechniqueLabelling.AthletesAsync(_world, _world.CoachA, _world.TeamA, "Poser", 9);
        for (int a = 0; a < athletes.Count; a++)
        {
            await TechniqueLabelling.AddLabelledPhotosAsync(_world, _world.CoachA, athletes[a], "overhead press", 8, 3, new Random(100 + a));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runId = await _world.Get<TechniqueModelService>().StartTrainingAsync(_world.CoachA, _world.TeamA,
            new TechniqueRunInput { Exercise = "overhead press", Kind = TechniqueModelKind.ResNetHead });
        var run = await WaitAsync(runId);
        output.WriteLine($"queued to {run.Status} in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
        var version = await _world.Get<ModelService>().GetVersionAsync(_world.CoachA, run.ModelVersionId!.Value);
        output.WriteLine($"version {version.Id}: {version.TestError:F3} vs {version.BestBaselineName} {version.BestBaselineError:F3}, trained in {version.TrainingSeconds:F1} s; {version.Promotion?.Reason}");
        Assert.Equal((ForecastTarget.Technique, ModelKind.ResNetHead), (version.Target, version.Architecture));
        Assert.Equal("majority class", version.BestBaselineName);
        Assert.Equal(0.375, version.BestBaselineError, 1e-9);
        Assert.True(version.BeatsBaseline, version.Promotion?.Reason);
        var technique = version.Metrics.Technique!;
        Assert.Equal((72, 27, 1), (technique.Samples, technique.GoodSamples, technique.WindowFrames));
        Assert.NotNull(technique.OcclusionPeakCell);
        Assert.Null(technique.OcclusionPeakFrame);
    }

    private async Task<TrainingRun> WaitAsync(int runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(300);
        TrainingRun run;
        do
        {
            await Task.Delay(200);
            run = await _world.Get<ModelService>().GetRunAsync(_world.CoachA, runId);
        }
        while (run.Status is TrainingRunStatus.Queued or TrainingRunStatus.Running && DateTime.UtcNow < deadline);

        return run;
    }
}
