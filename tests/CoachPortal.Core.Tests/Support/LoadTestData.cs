using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Load;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Support;

/// <summary>Builders for sessions, athletes and recompute runs used by the load and board tests.</summary>
internal static class LoadTestData
{
    public static DateOnly TodayUtc => DateOnly.FromDateTime(DateTime.UtcNow);

    public static TrainingSession ASession(int athleteId, DateTime startUtc, double? tss = null, double? srpe = null, double? trimp = null, string sport = SessionSports.Running, string? timeZoneId = null) => new()
    {
        AthleteId = athleteId,
        StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc),
        TimeZoneId = timeZoneId,
        Sport = sport,
        DurationSeconds = 3600,
        MovingSeconds = 3500,
        DistanceMeters = 12000,
        AvgHeartRateBpm = 150,
        Tss = tss,
        TrimpBanister = trimp,
        SessionRpeLoad = srpe,
    };

    public static async Task<int> NewAthleteAsync(PortalTestHost world, Caller coach, int teamId, string name)
    {
        return await world.Get<AthleteService>().CreateAsync(coach, teamId, PortalTestHost.AnAthlete(name, "Load"));
    }

    public static async Task AddSessionsAsync(PortalTestHost world, IEnumerable<TrainingSession> sessions)
    {
        await using var db = world.CreateDb();
        db.TrainingSessions.AddRange(sessions);
        await db.SaveChangesAsync();
    }

    /// <summary>Sessions at 10:00 UTC on each of the given days before today with the given TSS.</summary>
    public static IEnumerable<TrainingSession> DailySessions(int athleteId, int firstDaysAgo, int lastDaysAgo, Func<int, double> tssOfDaysAgo)
    {
        for (var d = firstDaysAgo; d >= lastDaysAgo; d--)
        {
            yield return ASession(athleteId, TodayUtc.AddDays(-d).ToDateTime(new TimeOnly(10, 0)), tss: tssOfDaysAgo(d));
        }
    }

    public static async Task RecomputeAsync(PortalTestHost world, int athleteId, DateOnly fromDate)
    {
        await world.Get<LoadRecomputeScheduler>().ScheduleAsync(athleteId, fromDate);
        await world.Get<LoadRecomputeJob>().RunAsync(athleteId, CancellationToken.None);
    }

    public static async Task<List<DailyLoad>> LoadsAsync(PortalTestHost world, int athleteId)
    {
        await using var db = world.CreateDb();
        return await db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == athleteId).OrderBy(d => d.Date).ToListAsync();
    }

    public static IBackgroundJobClient Jobs(PortalTestHost world) => world.Get<IBackgroundJobClient>();
}
