using CoachPortal.Analytics.Planning;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Compliance;

/// <summary>Matches uploads to planned sessions, stores the match, and reports compliance by duration and load.</summary>
public sealed class PlanComplianceService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PlanComplianceView> GetAsync(Caller caller, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        var today = await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
        var view = await PlanCalendarService.ReadAsync(db, [athleteId], fromDate, toDate, ct);
        var matches = ComplianceMatcher.Match(view.Planned, view.Completed);

        foreach (var p in view.Planned)
        {
            int? matchedId = matches.TryGetValue(p.Id, out var c) ? c.Id : null;
            if (matchedId != p.CompletedSessionId)
            {
                await db.PlannedSessions.Where(s => s.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedSessionId, matchedId), ct);
            }
        }

        return Evaluate(view, today, matches);
    }

    /// <summary>
    /// This week's compliance (Monday to today) of every active athlete of a team, for the team board. Reads only:
    /// the stored matches are refreshed when an athlete's own compliance is opened.
    /// </summary>
    public async Task<TeamWeekCompliance> GetTeamWeekAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException("Team not found.");
        }

        var today = await AthleteClock.TodayAsync(db, teamId, clock, ct);
        var weekStart = PlanCalendar.WeekStart(today);
        var ids = await db.Athletes.AsNoTracking().Where(a => a.TeamId == teamId && !a.IsArchived).Select(a => a.Id).ToListAsync(ct);
        var view = await PlanCalendarService.ReadAsync(db, ids, weekStart, today, ct);
        var result = new Dictionary<int, WeeklyCompliance>();
        foreach (var athleteId in view.Planned.Select(p => p.AthleteId).Distinct())
        {
            var own = new PlanCalendarView(view.Planned.Where(p => p.AthleteId == athleteId).ToList(), view.Completed.Where(c => c.AthleteId == athleteId).ToList());
            if (Evaluate(own, today).Weeks.FirstOrDefault(w => w.WeekStart == weekStart) is { } week)
            {
                result[athleteId] = week;
            }
        }

        return new TeamWeekCompliance(today, weekStart, result);
    }

    /// <summary>
    /// Compliance rows and weekly figures of a calendar as of the athlete's local <paramref name="today"/>. A session
    /// planned for today is not missed until the day is over: it counts once done and stays grey until then.
    /// </summary>
    public static PlanComplianceView Evaluate(PlanCalendarView view, DateOnly today, IReadOnlyDictionary<int, CompletedSessionView>? matches = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        matches ??= ComplianceMatcher.Match(view.Planned, view.Completed);
        var rows = view.Planned.Select(p =>
        {
            matches.TryGetValue(p.Id, out var c);
            double? durationPct = c is null || p.DurationSeconds <= 0 ? null : Math.Round(100.0 * c.DurationSeconds / p.DurationSeconds, 1);
            double? loadPct = c?.Load is { } load && p.Tss > 0 ? Math.Round(100 * load / p.Tss, 1) : null;
            var isPast = p.Date < today || p.Status == PlannedSessionStatus.Skipped;
            return new ComplianceRow(p.Id, p.Date, p.Title, p.DurationSeconds, p.Tss, c?.Id, c?.DurationSeconds, c?.Load, durationPct, loadPct,
                ComplianceMatcher.Colour(loadPct ?? durationPct, isPast));
        }).ToList();
        var matchedIds = matches.Values.Select(c => c.Id).ToHashSet();
        var unplanned = view.Completed.Where(c => c.Date <= today && !matchedIds.Contains(c.Id))
            .GroupBy(c => PlanCalendar.WeekStart(c.Date)).ToDictionary(g => g.Key, g => g.Count());
        var due = rows.Where(r => r.Date < today || r.CompletedSessionId is not null || (r.Date == today && IsSkipped(view, r.PlannedSessionId))).ToList();
        var weekStarts = due.Select(r => PlanCalendar.WeekStart(r.Date))
            .Concat(rows.Where(r => r.Date <= today).Select(r => PlanCalendar.WeekStart(r.Date)))
            .Distinct().Order();
        var weeks = weekStarts.Select(week =>
        {
            var own = due.Where(r => PlanCalendar.WeekStart(r.Date) == week).ToList();
            var planned = own.Sum(r => r.PlannedTss);
            // A matched session without a load of its own (no power, pace, heart rate or RPE) counts by its duration.
            var actual = own.Sum(r => r.ActualLoad ?? (r.DurationPercent is { } d ? r.PlannedTss * d / 100 : 0));
            return new WeeklyCompliance(week, Math.Round(planned, 1), Math.Round(actual, 1), planned > 0 ? Math.Round(100 * actual / planned, 1) : null,
                unplanned.GetValueOrDefault(week));
        }).ToList();
        return new PlanComplianceView(rows, weeks);
    }

    private static bool IsSkipped(PlanCalendarView view, int plannedSessionId) =>
        view.Planned.First(p => p.Id == plannedSessionId).Status == PlannedSessionStatus.Skipped;
}
