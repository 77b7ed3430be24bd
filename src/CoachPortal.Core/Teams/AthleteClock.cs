using CoachPortal.Analytics.Load;
using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Teams;

/// <summary>The athlete's "today" and the local day of a session: dates in the team's (or the session's) time zone.</summary>
public static class AthleteClock
{
    public static async Task<TimeZoneInfo> TimeZoneOfTeamAsync(AppDbContext db, int teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var zoneId = await db.TeamLoadSettings.Where(s => s.TeamId == teamId).Select(s => s.TimeZoneId).FirstOrDefaultAsync(ct);
        return TeamLoadSettings.ResolveTimeZone(zoneId);
    }

    public static async Task<DateOnly> TodayAsync(AppDbContext db, int teamId, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DailyLoadAggregator.LocalDate(clock.GetUtcNow(), await TimeZoneOfTeamAsync(db, teamId, ct));
    }

    /// <summary>
    /// The local date a session counts on: the session's own time zone when the file recorded one, else the team's.
    /// The one definition of "which day" for loads, charts and plans.
    /// </summary>
    public static DateOnly LocalDateOf(DateTime startUtc, string? sessionTimeZoneId, TimeZoneInfo teamZone)
    {
        var zone = sessionTimeZoneId is null ? teamZone : TeamLoadSettings.ResolveTimeZone(sessionTimeZoneId);
        return DailyLoadAggregator.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)), zone);
    }
}
