using CoachPortal.Core.Load;
using CoachPortal.Core.Load.Board;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Wellness;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Load;

public sealed class TeamBoardTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    // Hard and easy days with a rest day keep Foster's monotony well below 2.
    private static readonly double[] s_varied = [0, 60, 30, 90, 20, 70, 40];

    [Fact]
    public async Task TheBoardFlagsASpikingAthleteAndPutsThemFirst()
    {
        var teamId = await world.Get<TeamService>().CreateAsync(world.Admin, new TeamInput { Name = "Board team", Sport = "Running" });
        await world.Get<TeamService>().AssignCoachAsync(world.Admin, teamId, world.CoachA.UserId);
        var steady = await LoadTestData.NewAthleteAsync(world, world.CoachA, teamId, "Steady");
        var spiking = await LoadTestData.NewAthleteAsync(world, world.CoachA, teamId, "Spike");
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(steady, 60, 0, d => s_varied[d % 7]));
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(spiking, 60, 0, d => d <= 6 ? 160 + (d * 7) : s_varied[d % 7]));
        await LoadTestData.RecomputeAsync(world, steady, DateOnly.MinValue);
        await LoadTestData.RecomputeAsync(world, spiking, DateOnly.MinValue);
        await using (var db = world.CreateDb())
        {
            var today = LoadTestData.TodayUtc;
            for (var d = 0; d < 7; d++)
            {
                db.WellnessCheckIns.Add(new WellnessCheckIn { AthleteId = steady, Date = today.AddDays(-d), Readiness = 7, Mood = 7 });
            }

            await db.SaveChangesAsync();
        }

        var board = await world.Get<TeamBoardService>().GetAsync(world.CoachA, teamId);

        Assert.Equal(2, board.Rows.Count);
        var first = board.Rows[0];
        Assert.Equal(spiking, first.AthleteId);
        Assert.Contains(BoardAlert.HighAcwr, first.Flags);
        Assert.Contains(BoardAlert.MissingCheckIns, first.Flags);
        Assert.True(first.AcwrRolling > 1.5);
        Assert.Equal(LoadTestData.TodayUtc, first.LoadDate);
        var calm = board.Rows[1];
        Assert.Empty(calm.Flags);
        Assert.Equal(0, calm.MissingCheckInDays);
        Assert.NotNull(calm.Ctl);
        Assert.Equal(LoadTestData.TodayUtc, calm.LastCheckInDate);
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<TeamBoardService>().GetAsync(world.CoachB, teamId));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<TeamBoardService>().GetAsync(world.AthleteA, teamId));
    }

    [Fact]
    public async Task TheLatestDayOfEachAthleteIsFoundBySeekingTheirKeyNotByReadingTheirHistory()
    {
        var teamId = await world.Get<TeamService>().CreateAsync(world.Admin, new TeamInput { Name = "Latest-day team", Sport = "Running" });
        var early = await LoadTestData.NewAthleteAsync(world, world.Admin, teamId, "Early");
        var late = await LoadTestData.NewAthleteAsync(world, world.Admin, teamId, "Late");
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(early, 40, 10, d => s_varied[d % 7]));
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(late, 40, 0, d => s_varied[d % 7]));
        await LoadTestData.RecomputeAsync(world, early, DateOnly.MinValue);
        await LoadTestData.RecomputeAsync(world, late, DateOnly.MinValue);
        var today = LoadTestData.TodayUtc;
        await using var db = world.CreateDb();
        int[] ids = [early, late];

        var latest = await TeamBoardService.LatestLoads(db, ids, today.AddDays(-3)).ToDictionaryAsync(d => d.AthleteId);

        // Each athlete's own latest stored day on or before the day asked, whatever the other athlete has.
        foreach (var id in ids)
        {
            var expected = await db.DailyLoads.Where(d => d.AthleteId == id && d.Date <= today.AddDays(-3)).MaxAsync(d => d.Date);
            Assert.Equal(expected, latest[id].Date);
        }

        // SQLite answers it with a seek on each athlete's (AthleteId, Date) key: no scan of the table, no sort of a
        // window over every stored day (which made a 40-athlete board spend 77 ms in this one read).
        var sql = string.Join('\n', TeamBoardService.LatestLoads(db, ids, today).ToQueryString().Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, p => p.Contains("SEARCH", StringComparison.Ordinal) && p.Contains("(AthleteId=? AND Date=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN d", StringComparison.Ordinal) || p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public void AWellnessDropIsJudgedAgainstTheAthletesOwnBaseline()
    {
        var today = new DateOnly(2026, 6, 30);
        var history = Enumerable.Range(1, 20)
            .Select(d => new WellnessCheckIn { Date = today.AddDays(-d), Readiness = 7 + (d % 2), Fatigue = 3, Mood = 7 })
            .ToList();

        var fine = history.Append(new WellnessCheckIn { Date = today, Readiness = 7, Fatigue = 4, Mood = 7 }).ToList();
        var dropped = history.Append(new WellnessCheckIn { Date = today, Readiness = 3, Fatigue = 8, Mood = 4 }).ToList();

        Assert.False(BoardRules.IsWellnessDrop(fine, today));
        Assert.True(BoardRules.IsWellnessDrop(dropped, today));
        Assert.False(BoardRules.IsWellnessDrop(dropped.TakeLast(3).ToList(), today));
        Assert.Contains(BoardAlert.WellnessDrop, BoardRules.Evaluate(null, dropped, today));
    }

    [Fact]
    public void MonotonyAboveTwoIsFlagged()
    {
        var load = new DailyLoad { Monotony = 2.4, AcwrRolling = 1.1 };

        var flags = BoardRules.Evaluate(load, [], new DateOnly(2026, 6, 30));

        Assert.Equal([BoardAlert.HighMonotony, BoardAlert.MissingCheckIns], flags);
        Assert.True(BoardRules.AttentionScore(flags) > BoardRules.AttentionScore([BoardAlert.MissingCheckIns]));
    }
}
