using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Load;
using CoachPortal.Core.Load.Board;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Compliance;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Wellness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Data;

/// <summary>
/// Each screen's read costs the same number of SQL commands for a team of 10 and a team of 100: a query per
/// athlete (N+1) would show as 90 more. The counts are of commands sent, whatever rows they return.
/// </summary>
public sealed class QueryBudgetTests(QueryBudgetTests.Club club) : IClassFixture<QueryBudgetTests.Club>
{
    public static TheoryData<string> Screens() => [.. Reads.Keys];

    private static readonly Dictionary<string, Func<IServiceProvider, Club, int, Task>> Reads = new()
    {
        ["team board"] = (sp, c, team) => Service<TeamBoardService>(sp, c).GetAsync(c.World.CoachA, team),
        ["athlete list"] = (sp, c, team) => Service<AthleteService>(sp, c).ListForTeamAsync(c.World.CoachA, team),
        ["team list"] = (sp, c, _) => Service<TeamService>(sp, c).ListAsync(c.World.CoachA),
        ["team composition"] = (sp, c, team) => Service<TeamService>(sp, c).CompositionAsync(c.World.CoachA, team),
        ["plans calendar"] = (sp, c, team) => Service<PlanCalendarService>(sp, c).GetTeamAsync(c.World.CoachA, team, Today.AddDays(-7), Today.AddDays(21)),
        ["plan compliance week"] = (sp, c, team) => Service<PlanComplianceService>(sp, c).GetTeamWeekAsync(c.World.CoachA, team),
        ["risk list"] = (sp, c, team) => Service<ModelService>(sp, c).GetTeamRisksAsync(c.World.CoachA, team),
        ["sessions list"] = (sp, c, team) => Service<SessionQueryService>(sp, c).ListAsync(c.World.CoachA, c.FirstAthlete[team], new SessionFilter()),
        ["load overview"] = (sp, c, team) => Service<AthleteDashboardService>(sp, c).GetAsync(c.World.CoachA, c.FirstAthlete[team], 42),
        ["wellness history"] = (sp, c, team) => Service<WellnessService>(sp, c).ListAsync(c.World.CoachA, c.FirstAthlete[team], Today.AddDays(-28), Today),
    };

    private static DateOnly Today => LoadTestData.TodayUtc;

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task TheScreenSendsAsManyCommandsForAHundredAthletesAsForTen(string screen)
    {
        var small = await club.CountAsync(Reads[screen], club.SmallTeam);
        var large = await club.CountAsync(Reads[screen], club.LargeTeam);

        Assert.InRange(small, 1, 12);
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task AQueryPerAthleteWouldBeCaught()
    {
        Func<IServiceProvider, Club, int, Task> perAthlete = async (sp, c, team) =>
        {
            await using var db = c.Factory.CreateDbContext();
            foreach (var id in await db.Athletes.Where(a => a.TeamId == team).Select(a => a.Id).ToListAsync())
            {
                await db.DailyLoads.Where(d => d.AthleteId == id).OrderByDescending(d => d.Date).FirstOrDefaultAsync();
            }
        };

        Assert.NotEqual(await club.CountAsync(perAthlete, club.SmallTeam), await club.CountAsync(perAthlete, club.LargeTeam));
    }

    [Fact]
    public async Task TheRiskListHoldsEachAthletesLatestPredictionOnly()
    {
        var risks = await club.World.Get<ModelService>().GetTeamRisksAsync(club.World.CoachA, club.SmallTeam);

        Assert.Equal(10, risks.Count);
        Assert.All(risks.Values, r => Assert.Equal(0.3, r, 6));
    }

    private static T Service<T>(IServiceProvider sp, Club c)
        where T : notnull => ActivatorUtilities.CreateInstance<T>(sp, c.Factory);

    /// <summary>Coach A's two extra teams of 10 and 100 athletes, each with a week of loads, check-ins and sessions.</summary>
    public sealed class Club : IAsyncLifetime
    {
        public PortalTestHost World { get; } = new();

        public CommandCounter Counter { get; } = new();

        public CountingDbContextFactory Factory { get; private set; } = default!;

        public int SmallTeam { get; private set; }

        public int LargeTeam { get; private set; }

        public Dictionary<int, int> FirstAthlete { get; } = [];

        public async Task InitializeAsync()
        {
            await World.InitializeAsync();
            Factory = new CountingDbContextFactory(World.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), Counter);
            SmallTeam = await TeamOfAsync(10);
            LargeTeam = await TeamOfAsync(100);
        }

        public async Task<int> CountAsync(Func<IServiceProvider, Club, int, Task> read, int team)
        {
            using var scope = World.Services.CreateScope();
            await read(scope.ServiceProvider, this, team); // warm: the first call compiles the queries
            Counter.Commands.Clear();
            await read(scope.ServiceProvider, this, team);
            return Counter.Commands.Count;
        }

        private async Task<int> TeamOfAsync(int size)
        {
            var teams = World.Get<TeamService>();
            var team = await teams.CreateAsync(World.Admin, new TeamInput { Name = $"Squad of {size}", Sport = "Running" });
            await teams.AssignCoachAsync(World.Admin, team, World.CoachA.UserId);
            var athletes = World.Get<AthleteService>();
            await using var db = World.CreateDb();
            var run = new TrainingRun { Target = ForecastTarget.InjuryRisk, Scope = ModelScope.Team, TeamId = team, RequestedByUserId = World.Admin.UserId };
            db.TrainingRuns.Add(run);
            await db.SaveChangesAsync();
            var version = new ModelVersion { TrainingRunId = run.Id, Target = ForecastTarget.InjuryRisk, Scope = ModelScope.Team, TeamId = team, Status = ModelVersionStatus.Active, OnnxBytes = [1] };
            db.ModelVersions.Add(version);
            await db.SaveChangesAsync();
            for (var i = 0; i < size; i++)
            {
                var id = await athletes.CreateAsync(World.CoachA, team, PortalTestHost.AnAthlete($"A{i}", $"Squad{size}"));
                FirstAthlete.TryAdd(team, id);
                for (var d = 0; d < 7; d++)
                {
                    var date = Today.AddDays(-d);
                    db.DailyLoads.Add(new DailyLoad { AthleteId = id, Date = date, PrimaryLoad = 50 + d, Ctl = 40, Atl = 45 + d, Tsb = -5, ComputedUtc = DateTime.UtcNow });
                    db.WellnessCheckIns.Add(new WellnessCheckIn { AthleteId = id, Date = date, Readiness = 6, Mood = 7 });
                }

                db.TrainingSessions.AddRange(LoadTestData.DailySessions(id, 6, 1, d => 40 + d));
                for (var d = 1; d <= 3; d++)
                {
                    // The newest (yesterday's) says 0.3; older days say more, so a wrong pick shows.
                    db.ModelPredictions.Add(new ModelPrediction { ModelVersionId = version.Id, AthleteId = id, Target = ForecastTarget.InjuryRisk, AsOfDate = Today.AddDays(-d), Value = 0.2 + (0.1 * d) });
                }
            }

            await db.SaveChangesAsync();
            return team;
        }

        public Task DisposeAsync() => World.DisposeAsync();
    }
}
