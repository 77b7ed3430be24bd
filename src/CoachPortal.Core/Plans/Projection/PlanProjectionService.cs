using CoachPortal.Analytics;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Performance;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Projection;

/// <summary>
/// Projects an athlete's load metrics under their plan with the analytics engine's own calculator, so the projection
/// is the PMC the dashboards will show once the plan is done as planned. What-if edits are applied in memory only.
/// </summary>
public sealed class PlanProjectionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PlanProjection> ProjectAsync(Caller caller, int athleteId, IReadOnlyList<PlanEdit>? edits = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        var today = await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
        var assignment = await db.PlanAssignments.AsNoTracking()
            .Where(a => a.AthleteId == athleteId && !a.IsCancelled && a.EventDate >= today)
            .OrderBy(a => a.EventDate).FirstOrDefaultAsync(ct);
        var planned = await db.PlannedSessions.AsNoTracking()
            .Where(s => s.AthleteId == athleteId && s.Date >= today && s.Status != PlannedSessionStatus.Skipped && !s.Assignment!.IsCancelled)
            .Select(s => new { s.Id, s.Date, s.Sport, s.Text, s.PlannedTss })
            .ToListAsync(ct);
        var profile = athlete.TrainingProfile();
        var plannedLoads = new List<(DateOnly Date, double Tss)>();
        foreach (var p in planned)
        {
            var edit = edits?.LastOrDefault(e => e.PlannedSessionId == p.Id);
            if (edit is { Drop: true })
            {
                continue;
            }

            var tss = edit?.NewText is { } text ? WorkoutEstimator.Estimate(WorkoutParser.Parse(text), p.Sport, profile).Tss : p.PlannedTss;
            plannedLoads.Add((edit?.NewDate ?? p.Date, tss));
        }

        var end = assignment?.EventDate ?? (plannedLoads.Count > 0 ? plannedLoads.Max(p => p.Date) : today);
        var (historyStart, history, before) = await PlanPersonalisationService.HistoryAsync(db, athleteId, today, ct);
        var options = TrainingLoadOptions.Default with { InitialCtl = before.Ctl, InitialAtl = before.Atl };
        var days = Project(historyStart, history, today, end, plannedLoads, options);
        var predicted = assignment is null ? null : await PredictAsync(db, athleteId, historyStart, history, days, ct);
        return new PlanProjection(athleteId, today, assignment?.EventDate, assignment?.EventName, days, predicted);
    }

    /// <summary>
    /// History loads, then planned loads from <paramref name="today"/> to <paramref name="end"/>, through
    /// <see cref="TrainingLoadCalculator.Compute"/>; <paramref name="options"/> carry the stored CTL and ATL before the history.
    /// </summary>
    public static IReadOnlyList<ProjectionDay> Project(DateOnly historyStart, IReadOnlyList<double> history, DateOnly today, DateOnly end,
        IReadOnlyList<(DateOnly Date, double Tss)> planned, TrainingLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(planned);
        var start = history.Count > 0 ? historyStart : today;
        var loads = new double[Math.Max(end.DayNumber, today.DayNumber) - start.DayNumber + 1];
        for (var i = 0; i < history.Count && i < loads.Length; i++)
        {
            loads[i] = history[i];
        }

        foreach (var (date, tss) in planned)
        {
            var i = date.DayNumber - start.DayNumber;
            if (date >= today && i < loads.Length)
            {
                loads[i] += tss;
            }
        }

        var series = TrainingLoadCalculator.Compute(start, loads, history.Count > 0 ? options : null);
        return series.Days().Select(d => new ProjectionDay(d.Date, d.Load, d.Ctl, d.Atl, d.Tsb, double.IsFinite(d.AcwrRolling) ? d.AcwrRolling : null, d.Date >= today)).ToList();
    }

    private static async Task<PerformancePrediction?> PredictAsync(AppDbContext db, int athleteId, DateOnly historyStart, IReadOnlyList<double> history, IReadOnlyList<ProjectionDay> days, CancellationToken ct)
    {
        var tests = await db.PerformanceTests.AsNoTracking().Where(t => t.AthleteId == athleteId && t.Date >= historyStart)
            .OrderBy(t => t.Date).ToListAsync(ct);
        var kind = tests.GroupBy(t => t.Kind).Where(g => g.Count() >= 6).MaxBy(g => g.Count());
        if (kind is null || history.Count == 0)
        {
            return null;
        }

        var first = kind.First();
        var reference = first.Value;
        double ToPerformance(double v) => first.HigherIsBetter ? v : 100 * reference / v;
        double FromPerformance(double p) => first.HigherIsBetter ? p : 100 * reference / p;
        try
        {
            var observations = kind.Where(t => t.Date.DayNumber - historyStart.DayNumber < history.Count)
                .Select(t => new PerformanceObservation(t.Date.DayNumber - historyStart.DayNumber, ToPerformance(t.Value))).ToList();
            var fit = BanisterModel.Fit(history.ToArray(), observations);
            var plan = days.Where(d => d.IsPlanned).Select(d => d.Load).ToArray();
            var predicted = fit.Parameters.PredictPlan(history.ToArray(), plan);
            return new PerformancePrediction(first.Kind, FromPerformance(predicted[^1]), first.Unit, fit.RSquared);
        }
        catch (AnalyticsInputException)
        {
            return null;
        }
    }
}
