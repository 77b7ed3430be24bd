using CoachPortal.Analytics.Load;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Load.Settings;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Load;

public sealed class LoadRecomputeJobTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    private static readonly DateTime s_sentinelUtc = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AnIncrementalRecomputeEqualsAFullEngineComputationAndTouchesOnlyTheChangedAthleteAndDates()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "Inca");
        var other = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "Otto");
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(athlete, 120, 1, d => d % 7 == 0 ? 0 : 40 + (d % 5 * 13)));
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(other, 60, 1, d => 55));
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);
        await LoadTestData.RecomputeAsync(world, other, DateOnly.MinValue);
        await using (var db = world.CreateDb())
        {
            await db.DailyLoads.ExecuteUpdateAsync(s => s.SetProperty(d => d.ComputedUtc, s_sentinelUtc));
        }

        // A new session ten days ago, as an import would add it.
        var changed = LoadTestData.TodayUtc.AddDays(-10);
        var added = LoadTestData.ASession(athlete, changed.ToDateTime(new TimeOnly(18, 0)), tss: 95);
        await LoadTestData.AddSessionsAsync(world, [added]);
        await world.Get<LoadRecomputeScheduler>().ScheduleAsync(athlete, added.StartUtc);
        await world.Get<LoadRecomputeJob>().RunAsync(athlete, CancellationToken.None);

        var rows = await LoadTestData.LoadsAsync(world, athlete);
        var expected = FullComputation(rows[0].Date, rows.Select(r => r.PrimaryLoad).ToArray());
        Assert.Equal(expected.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            AssertSameDay(expected[i], rows[i].ToDay());
        }

        Assert.Equal(LoadTestData.TodayUtc, rows[^1].Date);
        Assert.Equal(2, rows.Single(r => r.Date == changed).SessionCount);
        Assert.All(rows.Where(r => r.Date < changed.AddDays(-1)), r => Assert.Equal(s_sentinelUtc, r.ComputedUtc));
        Assert.All(rows.Where(r => r.Date >= changed), r => Assert.NotEqual(s_sentinelUtc, r.ComputedUtc));
        Assert.All(await LoadTestData.LoadsAsync(world, other), r => Assert.Equal(s_sentinelUtc, r.ComputedUtc));
    }

    [Fact]
    public async Task RunningTheJobAgainWritesTheSameNumbersAndANoOpRunChangesNothing()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "Ida");
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(athlete, 50, 0, d => 30 + d));
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);
        var first = await LoadTestData.LoadsAsync(world, athlete);

        await LoadTestData.RecomputeAsync(world, athlete, LoadTestData.TodayUtc.AddDays(-20));
        await world.Get<LoadRecomputeJob>().RunAsync(athlete, CancellationToken.None);
        var second = await LoadTestData.LoadsAsync(world, athlete);

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            AssertSameDay(first[i].ToDay(), second[i].ToDay());
        }

        await using var db = world.CreateDb();
        var state = await db.LoadRecomputeStates.SingleAsync(s => s.AthleteId == athlete);
        Assert.Null(state.DirtyFromDate);
        Assert.Null(state.FailureReason);
    }

    [Fact]
    public async Task ASessionEarlierThanTheStoredHistoryRebuildsTheWholeSeries()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "Eli");
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(athlete, 30, 1, d => 50));
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);
        var early = LoadTestData.ASession(athlete, LoadTestData.TodayUtc.AddDays(-45).ToDateTime(new TimeOnly(9, 0)), tss: 120);
        await LoadTestData.AddSessionsAsync(world, [early]);

        await world.Get<LoadRecomputeScheduler>().ScheduleAsync(athlete, early.StartUtc);
        await world.Get<LoadRecomputeJob>().RunAsync(athlete, CancellationToken.None);

        var rows = await LoadTestData.LoadsAsync(world, athlete);
        Assert.Equal(LoadTestData.TodayUtc.AddDays(-45), rows[0].Date);
        var expected = FullComputation(rows[0].Date, rows.Select(r => r.PrimaryLoad).ToArray());
        for (var i = 0; i < rows.Count; i++)
        {
            AssertSameDay(expected[i], rows[i].ToDay());
        }
    }

    [Fact]
    public async Task SwitchingTheTeamsMetricChangesThePrimaryLoadWithTheDocumentedFallback()
    {
        var teamId = await world.Get<TeamService>().CreateAsync(world.Admin, new TeamInput { Name = "Metric team", Sport = "Running" });
        var athlete = await LoadTestData.NewAthleteAsync(world, world.Admin, teamId, "Mia");
        var today = LoadTestData.TodayUtc;
        var tssOnly = today.AddDays(-3);
        var both = today.AddDays(-2);
        await LoadTestData.AddSessionsAsync(world,
        [
            LoadTestData.ASession(athlete, tssOnly.ToDateTime(new TimeOnly(8, 0)), tss: 80),
            LoadTestData.ASession(athlete, both.ToDateTime(new TimeOnly(8, 0)), tss: 60, srpe: 300),
        ]);
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);
        var asTss = await LoadTestData.LoadsAsync(world, athlete);
        Assert.Equal(80, asTss.Single(r => r.Date == tssOnly).PrimaryLoad);
        Assert.Equal(60, asTss.Single(r => r.Date == both).PrimaryLoad);

        await world.Get<TeamLoadSettingsService>().UpdateAsync(world.Admin, teamId, new TeamLoadSettingsInput { PrimaryMetric = PrimaryLoadMetric.SessionRpe });
        await world.Get<LoadRecomputeJob>().RunAsync(athlete, CancellationToken.None);

        var asSrpe = await LoadTestData.LoadsAsync(world, athlete);
        var fallback = asSrpe.Single(r => r.Date == tssOnly);
        Assert.Equal(80 * PrimaryLoadOptions.Default.SessionRpePerTss, fallback.PrimaryLoad, 9);
        Assert.Equal(LoadSource.PowerTss, fallback.PrimarySource);
        var own = asSrpe.Single(r => r.Date == both);
        Assert.Equal(300, own.PrimaryLoad);
        Assert.Equal(LoadSource.SessionRpe, own.PrimarySource);
        Assert.Equal(60, own.TssLoad);
        Assert.Equal(300, own.SessionRpeLoad);
        Assert.All(asSrpe, r => Assert.Equal(PrimaryLoadMetric.SessionRpe, r.PrimaryMetric));
    }

    [Fact]
    public async Task ALateEveningSessionCountsOnTheAthletesLocalDay()
    {
        var teamId = await world.Get<TeamService>().CreateAsync(world.Admin, new TeamInput { Name = "Tokyo team", Sport = "Running" });
        await world.Get<TeamLoadSettingsService>().UpdateAsync(world.Admin, teamId, new TeamLoadSettingsInput { TimeZoneId = "Asia/Tokyo" });
        var athlete = await LoadTestData.NewAthleteAsync(world, world.Admin, teamId, "Kai");
        var day = LoadTestData.TodayUtc.AddDays(-5);

        // 22:30 in Los Angeles is the next UTC day; 23:30 UTC without a zone is the next day in Tokyo (the team's zone).
        var laEvening = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(22, 30)), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        await LoadTestData.AddSessionsAsync(world,
        [
            LoadTestData.ASession(athlete, laEvening, tss: 70, timeZoneId: "America/Los_Angeles"),
            LoadTestData.ASession(athlete, day.ToDateTime(new TimeOnly(23, 30)), tss: 40),
        ]);
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);

        var rows = await LoadTestData.LoadsAsync(world, athlete);
        Assert.Equal(DateOnly.FromDateTime(laEvening), day.AddDays(1));
        Assert.Equal(70, rows.Single(r => r.Date == day).PrimaryLoad);
        Assert.Equal(40, rows.Single(r => r.Date == day.AddDays(1)).PrimaryLoad);
    }

    [Fact]
    public async Task AChangedSessionMarksTheAthleteStaleFromTheDayBeforeItsUtcDate()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "Hook");
        var day = LoadTestData.TodayUtc.AddDays(-4);

        world.Get<SessionChangePublisher>().OnSessionsChanged(athlete, day);
        world.Get<SessionChangePublisher>().OnSessionsChanged(athlete, day.AddDays(2));

        await using var db = world.CreateDb();
        var state = await db.LoadRecomputeStates.SingleAsync(s => s.AthleteId == athlete);
        Assert.Equal(day.AddDays(-1), state.DirtyFromDate);
        Assert.Equal(2, state.Generation);
    }

    [Fact]
    public async Task TheDailyRollForwardExtendsStaleAthletesToToday()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "Roll");
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(athlete, 40, 5, d => 45));
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);
        var full = await LoadTestData.LoadsAsync(world, athlete);
        await using (var db = world.CreateDb())
        {
            var cut = LoadTestData.TodayUtc.AddDays(-3);
            await db.DailyLoads.Where(d => d.AthleteId == athlete && d.Date >= cut).ExecuteDeleteAsync();
        }

        await world.Get<LoadRecomputeScheduler>().RollForwardAllAsync(CancellationToken.None);
        await world.Get<LoadRecomputeJob>().RunAsync(athlete, CancellationToken.None);

        var rolled = await LoadTestData.LoadsAsync(world, athlete);
        Assert.Equal(full.Count, rolled.Count);
        for (var i = 0; i < full.Count; i++)
        {
            AssertSameDay(full[i].ToDay(), rolled[i].ToDay());
        }
    }

    private static TrainingLoadDay[] FullComputation(DateOnly start, double[] loads) =>
        TrainingLoadCalculator.Compute(start, loads, TrainingLoadOptions.Default).Days().ToArray();

    private static void AssertSameDay(TrainingLoadDay expected, TrainingLoadDay actual)
    {
        // Bit-for-bit: the engine promises it and REAL columns keep every bit of a double.
        Assert.Equal(expected, actual);
    }
}
