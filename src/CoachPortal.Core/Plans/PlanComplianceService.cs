using CoachPortal.Core.Data;
using CoachPortal.Core.Load;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans;

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

        var rows = view.Planned.Select(p =>
        {
            matches.TryGetValue(p.Id, out var c);
            double? durationPct = c is null || p.DurationSeconds <= 0 ? null : Math.Round(100.0 * c.DurationSeconds / p.DurationSeconds, 1);
            double? loadPct = c?.Load is { } load && p.Tss > 0 ? Math.Round(100 * load / p.Tss, 1) : null;
            var isPast = p.Date < today || p.Status == PlannedSessionStatus.Skipped;
            return new ComplianceRow(p.Id, p.Date, p.Title, p.DurationSeconds, p.Tss, c?.Id, c?.DurationSeconds, c?.Load, durationPct, loadPct,
                ComplianceMatcher.Colour(loadPct ?? durationPct, isPast));
        }).ToList();
        var weeks = rows.Where(r => r.Date <= today).GroupBy(r => PlanCalendar.WeekStart(r.Date)).OrderBy(g => g.Key).Select(g =>
        {
            var planned = g.Sum(r => r.PlannedTss);
            var actual = g.Sum(r => r.ActualLoad ?? 0);
            return new WeeklyCompliance(g.Key, Math.Round(planned, 1), Math.Round(actual, 1), planned > 0 ? Math.Round(100 * actual / planned, 1) : null);
        }).ToList();
        return new PlanComplianceView(rows, weeks);
    }
}
