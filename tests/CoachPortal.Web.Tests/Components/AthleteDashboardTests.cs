using Bunit;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Wellness;
using CoachPortal.Web.Components.Shared;
using CoachPortal.Web.Features.Forecasting;
using CoachPortal.Web.Features.Load;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CoachPortal.Web.Tests.Components;

/// <summary>The athlete dashboard over the real services and a SQLite file filled through the real recompute job.</summary>
public sealed class AthleteDashboardTests : DatabaseTestContext
{
    public AthleteDashboardTests()
    {
        Services.AddScoped<AthleteDashboardService>();
        Services.AddScoped<WellnessService>();
        Services.AddScoped<PerformanceService>();
        // Hangfire's log provider is process-wide: a portal host of another test may have set one over its own, since
        // disposed, logger factory, and the storage's dispatcher asks it for a logger at construction.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentLogProvider());
        var storage = new InMemoryStorage();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage));
        Services.AddSingleton(new JobLiveness(storage, TimeSpan.FromSeconds(30)));
        Services.AddScoped<ModelService>();
    }

    [Fact]
    public async Task TheDashboardDrawsItsChartsFromComputedLoadsWellnessAndTests()
    {
        var athleteId = await SeedAthleteAsync(withData: true);

        var cut = Render<AthleteDashboard>(p => p.Add(c => c.AthleteId, athleteId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-chart=pmc]")), TimeSpan.FromSeconds(10));
        foreach (var chart in new[] { "pmc", "acwr", "weekly-load", "hr-zones", "performance", "wellness", "physiology" })
        {
            var element = cut.Find($"[data-chart={chart}]");
            Assert.True(int.Parse(element.GetAttribute("data-series-count")!, System.Globalization.CultureInfo.InvariantCulture) > 0, chart);
        }

        var pmc = cut.FindComponents<ApexChart>().Single(c => c.Instance.Id == "pmc").Instance;
        Assert.Equal(["CTL fitness (TSS/d)", "ATL fatigue (TSS/d)", "TSB form (TSS/d)"], pmc.Series!.Select(s => s.Name));
        var acwr = cut.FindComponents<ApexChart>().Single(c => c.Instance.Id == "acwr").Instance.BuildOptions();
        Assert.True(acwr.ContainsKey("annotations"));
        Assert.Empty(cut.FindAll("[data-testid=empty-pmc]"));
        Assert.NotNull(cut.Find("[data-testid=performance-entry]"));
        Assert.Contains("Banister fit R²", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActiveReadinessModelsForecastsAreABandUnderThePmcAndPlainWordsForTheAthlete()
    {
        var athleteId = await SeedAthleteAsync(withData: true);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = new AppDbContext(Options))
        {
            var teamId = await db.Athletes.Where(a => a.Id == athleteId).Select(a => a.TeamId).SingleAsync();
            var run = new TrainingRun { Target = ForecastTarget.Readiness, Scope = ModelScope.Team, TeamId = teamId, Status = TrainingRunStatus.Succeeded, RequestedByUserId = "admin-1" };
            db.TrainingRuns.Add(run);
            await db.SaveChangesAsync();
            var version = new ModelVersion { TrainingRunId = run.Id, Target = ForecastTarget.Readiness, Scope = ModelScope.Team, TeamId = teamId, Status = ModelVersionStatus.Active };
            db.ModelVersions.Add(version);
            await db.SaveChangesAsync();
            for (var d = 5; d >= 0; d--)
            {
                db.ModelPredictions.Add(new ModelPrediction
                {
                    ModelVersionId = version.Id,
                    AthleteId = athleteId,
                    Target = ForecastTarget.Readiness,
                    AsOfDate = today.AddDays(-d),
                    Value = 6.2,
                    Lower = 5.1,
                    Upper = 7.3,
                    ExplanationJson = $"[{{\"date\":\"{today.AddDays(-d - 1):yyyy-MM-dd}\",\"weight\":0.4}}]",
                });
            }

            await db.SaveChangesAsync();
        }

        var cut = Render<AthleteDashboard>(p => p.Add(c => c.AthleteId, athleteId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-chart=forecast-band]")), TimeSpan.FromSeconds(10));
        var band = cut.FindComponents<ApexChart>().Single(c => c.Instance.Id == "forecast-band").Instance;
        Assert.Equal("rangeArea", band.Type);
        Assert.Equal(["rangeArea", "line", "line"], band.Series!.Select(s => s.Type));
        Assert.Equal(6, band.Series![0].Data.Count);
        Assert.Equal("6", cut.Find("[data-testid=forecast-band]").GetAttribute("data-points"));

        var panel = Render<ForecastPanel>(p => p.Add(c => c.AthleteId, athleteId).Add(c => c.ForAthlete, true));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=forecast-words-Readiness]")), TimeSpan.FromSeconds(10));
        Assert.StartsWith("Tomorrow you will probably feel about 6 out of 10 (most likely between 5 and 7).", panel.Find("[data-testid=forecast-words-Readiness]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Why: the days that drove it", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAthleteWithoutDataSeesWhatToUploadOrLog()
    {
        var athleteId = await SeedAthleteAsync(withData: false);

        var cut = Render<AthleteDashboard>(p => p.Add(c => c.AthleteId, athleteId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=empty-pmc]")), TimeSpan.FromSeconds(10));
        Assert.Contains("Upload sessions", cut.Find("[data-testid=empty-pmc]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=empty-tests]"));
        Assert.NotNull(cut.Find("[data-testid=empty-wellness]"));
        Assert.Empty(cut.FindAll("[data-chart=pmc]"));
    }

    [Fact]
    public async Task TheDemoAthletesDashboardDrawsBestPowerAndPaceCurvesWithTheirCriticalPowerFit()
    {
        var team = new Team { Name = "Demo " + Guid.NewGuid().ToString("N")[..6] };
        var athlete = new Athlete { FirstName = "Tri", LastName = "Demo", Sport = "Triathlon", FtpWatts = 250, LactateThresholdHeartRateBpm = 168, HeartRateMaxBpm = 188, HeartRateRestBpm = 48, ThresholdPaceSecondsPerKm = 250 };
        await using (var db = new AppDbContext(Options))
        {
            team.Athletes.Add(athlete);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        }

        await new DemoSessionSeeder(Factory, TimeProvider.System, NullLogger<DemoSessionSeeder>.Instance).SeedAsync(team.Name);

        var cut = Render<AthleteDashboard>(p => p.Add(c => c.AthleteId, athlete.Id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-chart=mmp-power]")), TimeSpan.FromSeconds(10));
        var power = cut.FindComponents<ApexChart>().Single(c => c.Instance.Id == "mmp-power").Instance;
        Assert.Equal(["Best power (W)", "CP model (W)"], power.Series!.Select(s => s.Name));
        Assert.True(power.Series![0].Data.Count >= 20, $"{power.Series[0].Data.Count} points");
        Assert.Contains("CP ", cut.Find("[data-testid=cp-fit]").TextContent, StringComparison.Ordinal);
        Assert.Contains("W′", cut.Find("[data-testid=cp-fit]").TextContent, StringComparison.Ordinal);
        var pace = cut.FindComponents<ApexChart>().Single(c => c.Instance.Id == "mmp-pace").Instance;
        Assert.Equal("Best pace (min/km)", pace.Series![0].Name);
        var options = pace.BuildOptions();
        Assert.True(options.ContainsKey("annotations"));
        Assert.Empty(cut.FindAll("[data-testid=empty-mmp]"));
        Assert.Contains("from every heart-rate sample", cut.Find("[data-testid=zones-basis]").TextContent, StringComparison.Ordinal);
    }

    private async Task<int> SeedAthleteAsync(bool withData)
    {
        await using var db = new AppDbContext(Options);
        var team = new Team { Name = "Team " + Guid.NewGuid().ToString("N")[..6] };
        var athlete = new Athlete { FirstName = "Ada", LastName = "Dash", LactateThresholdHeartRateBpm = 170, HeartRateMaxBpm = 190, HeartRateRestBpm = 45 };
        team.Athletes.Add(athlete);
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        if (!withData)
        {
            return athlete.Id;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        double[] week = [0, 60, 35, 95, 25, 80, 45];
        for (var d = 80; d >= 0; d--)
        {
            var date = today.AddDays(-d);
            db.TrainingSessions.Add(new TrainingSession
            {
                AthleteId = athlete.Id,
                StartUtc = date.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
                Sport = d % 3 == 0 ? SessionSports.Cycling : SessionSports.Running,
                DurationSeconds = 3600,
                MovingSeconds = 3500,
                AvgHeartRateBpm = 130 + (d % 5 * 8),
                Tss = week[d % 7],
            });
            if (d < 30)
            {
                db.WellnessCheckIns.Add(new WellnessCheckIn { AthleteId = athlete.Id, Date = date, Readiness = 6 + (d % 3), Fatigue = 4, SleepHours = 7.5, RestingHeartRateBpm = 46, HrvRmssdMs = 80 });
            }

            if (d % 10 == 5)
            {
                db.PerformanceTests.Add(new PerformanceTest { AthleteId = athlete.Id, Date = date, Kind = "5 km time trial", Unit = "s", HigherIsBetter = false, Value = 1100 - d });
            }
        }

        db.LoadRecomputeStates.Add(new LoadRecomputeState { AthleteId = athlete.Id, DirtyFromDate = DateOnly.MinValue, Generation = 1 });
        await db.SaveChangesAsync();
        var job = new LoadRecomputeJob(Factory, Notifier, TimeProvider.System, NullLogger<LoadRecomputeJob>.Instance, []);
        await job.RunAsync(athlete.Id, CancellationToken.None);
        return athlete.Id;
    }

    private sealed class SilentLogProvider : Hangfire.Logging.ILogProvider
    {
        public Hangfire.Logging.ILog GetLogger(string name) => new SilentLog();
    }

    private sealed class SilentLog : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
