using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>
/// Forecasts in use, against real SQLite and a real Hangfire server: new loads are scored once when a model is
/// active, and the personaliser lowers a session on a day the active readiness model forecasts a low morning.
/// </summary>
public sealed class ForecastUseTests(ForecastUseTests.World fixture) : IClassFixture<ForecastUseTests.World>
{
    private readonly PortalTestHost _world = fixture.Host;

    /// <summary>Team A with a simulated past and an active (tiny) readiness model.</summary>
    public sealed class World : IAsyncLifetime
    {
        public PortalTestHost Host { get; } = new();

        public int VersionId { get; private set; }

        public async Task InitializeAsync()
        {
            Host.Settings["Jobs:RunServer"] = "true";
            Host.Settings["Jobs:Queues:0"] = "default";
            Host.Settings["Jobs:Queues:1"] = "import";
            Host.Settings["Jobs:Queues:2"] = "gpu";
            Host.Settings["Models:IntraOpThreads"] = "2";
            await Host.InitializeAsync();
            await Host.Get<ModelDemoSeeder>().SeedUncheckedAsync(Host.TeamA, days: 200);
            var models = Host.Get<ModelService>();
            var runId = await models.StartTrainingAsync(Host.CoachA, new TrainingRunInput
            {
                Target = ForecastTarget.Readiness,
                Architecture = ModelKind.GruForecaster,
                TeamId = Host.TeamA,
                WindowDays = 7,
                Epochs = 2,
                HiddenSize = 8,
                BatchSize = 32,
            });
            var run = await WaitUntilAsync(() => models.GetRunAsync(Host.CoachA, runId), r => r.Status is TrainingRunStatus.Succeeded or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled);
            Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
            VersionId = run.ModelVersionId!.Value;
            await models.PromoteAsync(Host.CoachA, VersionId, "Test model.");

            // Promotion queues a full scoring run; let it finish so that it does not overwrite what the tests store.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var scored = await WaitUntilAsync(
                async () => { await using var db = Host.CreateDb(); return await db.ModelPredictions.CountAsync(p => p.ModelVersionId == VersionId && p.AsOfDate == today); },
                count => count == 2);
            Assert.Equal(2, scored);
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    [Fact]
    public async Task NewLoadsAreScoredOnceWhenAModelCoversTheAthlete()
    {
        var athlete = _world.AthleteAProfile;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var scheduled = DateTime.UtcNow;
        await _world.Get<LoadRecomputeScheduler>().ScheduleAsync(athlete, today.AddDays(-3));
        var first = await WaitUntilAsync(() => FreshPredictionAsync(athlete, today, scheduled), p => p is not null);
        Assert.NotNull(first);
        await Task.Delay(1000);

        // The same loads again (a duplicate or retried job) write nothing.
        await _world.Get<ModelScoringJob>().RunForAthleteAsync(athlete, CancellationToken.None);
        var again = await TodaysPredictionAsync(athlete, today);
        Assert.Equal(first.CreatedUtc, again!.CreatedUtc);

        // New data: the loads are recomputed, and the forecast follows.
        var changed = DateTime.UtcNow;
        await _world.Get<LoadRecomputeScheduler>().ScheduleAsync(athlete, today.AddDays(-1));
        var rescored = await WaitUntilAsync(() => FreshPredictionAsync(athlete, today, changed), p => p is not null);
        Assert.True(rescored is not null && rescored.CreatedUtc > first.CreatedUtc, "not scored again after new loads");
        await using (var db = _world.CreateDb())
        {
            Assert.Equal(1, await db.ModelPredictions.CountAsync(p => p.AthleteId == athlete && p.AsOfDate == today));
        }

        // No model covers team B: its recompute queues no scoring.
        await _world.Get<LoadRecomputeScheduler>().ScheduleAsync(_world.AthleteBProfile, today.AddDays(-1));
        await WaitUntilAsync(async () => { await using var db = _world.CreateDb(); return await db.LoadRecomputeStates.AnyAsync(s => s.AthleteId == _world.AthleteBProfile && s.DirtyFromDate == null); }, done => done);
        var monitor = _world.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var scoringJobs = monitor.SucceededJobs(0, 1000).Select(j => j.Value.Job)
            .Concat(monitor.EnqueuedJobs("default", 0, 1000).Select(j => j.Value.Job))
            .Concat(monitor.ProcessingJobs(0, 1000).Select(j => j.Value.Job))
            .Where(j => j?.Method.Name == nameof(ModelScoringJob.RunForAthleteAsync)).ToList();
        Assert.Contains(scoringJobs, j => (int)j!.Args[0] == athlete);
        Assert.DoesNotContain(scoringJobs, j => (int)j!.Args[0] == _world.AthleteBProfile);
    }

    [Fact]
    public async Task ALowReadinessForecastLowersTomorrowsSessionAndSaysWhy()
    {
        var athlete = _world.TeamMateOfA;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var templateId = await _world.Get<PlanTemplateService>().CreateAsync(_world.CoachA, new PlanTemplateInput
        {
            Name = "Daily runs",
            Sport = SessionSports.Running,
            TeamId = _world.TeamA,
            FirstWeekTss = 300,
            RampPercentPerWeek = 5,
            Blocks = [new PlanBlockInput(PlanPhase.Base, 2)],
            Sessions = [.. Enumerable.Range(0, 2).SelectMany(w => Enumerable.Range(0, 7).Select(d => new PlanSessionInput(w, d, "Steady", SessionSports.Running, "50m @Z2")))],
        });
        var personalisation = _world.Get<PlanPersonalisationService>();
        var assigned = await personalisation.AssignAsync(_world.CoachA, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = athlete,
            StartDate = today,
            EventDate = today.AddDays(13),
            EventName = "Parkrun",
        });
        var assignmentId = Assert.Single(assigned.AssignmentIds);
        var before = await SessionAsync(athlete, today.AddDays(1));
        Assert.DoesNotContain("readiness forecast", before.ChangeReason ?? "", StringComparison.Ordinal);

        // A forecast of a model that is not active is ignored.
        await using (var db = _world.CreateDb())
        {
            await db.ModelPredictions.Where(p => p.AthleteId == athlete).ExecuteDeleteAsync();
            await db.ModelVersions.Where(v => v.Id == fixture.VersionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, ModelVersionStatus.Retired));
            db.ModelPredictions.Add(new ModelPrediction { ModelVersionId = fixture.VersionId, AthleteId = athlete, Target = ForecastTarget.Readiness, AsOfDate = today, Value = 4.2, Lower = 3.1, Upper = 5.3 });
            await db.SaveChangesAsync();
        }

        await personalisation.PersonaliseAsync(assignmentId);
        Assert.DoesNotContain("readiness forecast", (await SessionAsync(athlete, today.AddDays(1))).ChangeReason ?? "", StringComparison.Ordinal);

        // Active again: tomorrow's session is lowered and says why; the day after is not touched by it.
        await using (var db = _world.CreateDb())
        {
            await db.ModelVersions.Where(v => v.Id == fixture.VersionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, ModelVersionStatus.Active));
        }

        await personalisation.PersonaliseAsync(assignmentId);
        var lowered = await SessionAsync(athlete, today.AddDays(1));
        Assert.Contains("Lowered 20 %: readiness forecast 4/10", lowered.ChangeReason, StringComparison.Ordinal);
        Assert.True(lowered.PlannedTss < before.PlannedTss * 0.9, $"{lowered.PlannedTss:0.0} TSS vs {before.PlannedTss:0.0} before");
        Assert.DoesNotContain("readiness forecast", (await SessionAsync(athlete, today.AddDays(2))).ChangeReason ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHighInjuryRiskForecastLowersTheNextSevenDaysAndALowOneDoesNot()
    {
        var athlete = _world.TeamMateOfA;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var advisor = _world.Get<IPlanForecastAdvisor>();
        await using (var db = _world.CreateDb())
        {
            await db.ModelVersions.Where(v => v.Id == fixture.VersionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, ModelVersionStatus.Active));
        }

        try
        {
            await StoreAsync(0.12);
            Assert.Empty(await advisor.AdviseAsync(athlete, today, today.AddDays(13), CancellationToken.None));

            await StoreAsync(0.31);
            var advice = await advisor.AdviseAsync(athlete, today, today.AddDays(13), CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 7).Select(today.AddDays), advice.Select(a => a.Date));
            Assert.All(advice, a => Assert.Equal(0.69, a.LoadFactor, 6));
            Assert.All(advice, a => Assert.Equal("Lowered 31 %: injury risk forecast 31 % over 7 days", a.Reason));

            // Advice never reaches past the plan's end.
            Assert.Equal(3, (await advisor.AdviseAsync(athlete, today, today.AddDays(3), CancellationToken.None)).Count);
        }
        finally
        {
            await using var db = _world.CreateDb();
            await db.ModelPredictions.Where(p => p.AthleteId == athlete).ExecuteDeleteAsync();
        }

        async Task StoreAsync(double risk)
        {
            await using var db = _world.CreateDb();
            await db.ModelPredictions.Where(p => p.AthleteId == athlete).ExecuteDeleteAsync();
            db.ModelPredictions.Add(new ModelPrediction { ModelVersionId = fixture.VersionId, AthleteId = athlete, Target = ForecastTarget.InjuryRisk, AsOfDate = today, Value = risk, Lower = risk / 2, Upper = Math.Min(1, risk * 2) });
            await db.SaveChangesAsync();
        }
    }

    private async Task<PlannedSession> SessionAsync(int athleteId, DateOnly date)
    {
        await using var db = _world.CreateDb();
        return await db.PlannedSessions.AsNoTracking().SingleAsync(s => s.AthleteId == athleteId && s.Date == date);
    }

    /// <summary>Today's forecast once it is newer than the loads, and those were recomputed after <paramref name="since"/>.</summary>
    private async Task<ModelPrediction?> FreshPredictionAsync(int athleteId, DateOnly today, DateTime since)
    {
        await using var db = _world.CreateDb();
        var loads = await db.DailyLoads.Where(l => l.AthleteId == athleteId).MaxAsync(l => (DateTime?)l.ComputedUtc) ?? DateTime.MinValue;
        var prediction = await TodaysPredictionAsync(athleteId, today);
        return loads > since && prediction is not null && prediction.CreatedUtc >= loads ? prediction : null;
    }

    private async Task<ModelPrediction?> TodaysPredictionAsync(int athleteId, DateOnly today)
    {
        await using var db = _world.CreateDb();
        return await db.ModelPredictions.AsNoTracking().SingleOrDefaultAsync(p => p.ModelVersionId == fixture.VersionId && p.AthleteId == athleteId && p.AsOfDate == today);
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        T value;
        do
        {
            await Task.Delay(200);
            value = await read();
        }
        while (!done(value) && DateTime.UtcNow < deadline);

        return value;
    }
}
