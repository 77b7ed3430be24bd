using CoachPortal.Analytics.Load;
using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Load;

/// <summary>The athlete's "today": the local date in their team's time zone.</summary>
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
}
