using System.Security.Claims;
using Bunit;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Performance;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Wellness;
using CoachPortal.Web.Components.Shared;
using CoachPortal.Web.Features.Dashboards;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace CoachPortal.Web.Tests.Components;

/// <summary>The athlete dashboard over the real services and a SQLite file filled through the real recompute job.</summary>
public sealed class AthleteDashboardTests : BunitContext, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coachportal-bunit", Guid.NewGuid().ToString("N"));
    private readonly DbContextOptions<AppDbContext> _options;
    private readonly ChangeNotifier _notifier = new();

    public AthleteDashboardTests()
    {
        Directory.CreateDirectory(_directory);
        _options = CoachPortal.Core.DependencyInjection.CreateStandaloneOptions(DatabaseProvider.Sqlite, _directory, null);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(new Factory(_options));
        Services.AddSingleton(_notifier);
        Services.AddScoped<CurrentCaller>();
        Services.AddScoped<AthleteDashboardService>();
        Services.AddScoped<WellnessService>();
        Services.AddScoped<PerformanceService>();
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin-1"));
        Render<MudPopoverProvider>();
    }

    public async Task InitializeAsync()
    {
        await using var db = new AppDbContext(_options);
        await db.Database.EnsureCreatedAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
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

    private async Task<int> SeedAthleteAsync(bool withData)
    {
        await using var db = new AppDbContext(_options);
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
        var job = new LoadRecomputeJob(new Factory(_options), _notifier, TimeProvider.System, NullLogger<LoadRecomputeJob>.Instance, new BackgroundJobClient(new InMemoryStorage()));
        await job.RunAsync(athlete.Id, CancellationToken.None);
        return athlete.Id;
    }

    private sealed class Factory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
