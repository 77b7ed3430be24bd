using System.Globalization;
using CoachPortal.Analytics.Planning;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>
/// Plan advice from the active models' latest forecasts of the athlete. A readiness forecast below
/// <see cref="LowReadiness"/> lowers the next day's sessions by 10 % per point below 6 (at most 40 %); an injury-risk
/// forecast at or above <see cref="HighInjuryRisk"/> lowers the sessions of the next 7 days by the risk itself (at
/// most 40 %). Only the latest forecast of each kind counts, and without an active model there is no advice.
/// </summary>
public sealed class ModelPlanForecastAdvisor(IDbContextFactory<AppDbContext> dbFactory) : IPlanForecastAdvisor
{
    /// <summary>Readiness (1–10) below which the next day's load is lowered.</summary>
    public const double LowReadiness = 5;

    /// <summary>7-day injury probability from which the week's load is lowered.</summary>
    public const double HighInjuryRisk = 0.2;

    private const double MaxCut = 0.4;

    public async Task<IReadOnlyList<PlanAdvice>> AdviseAsync(int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = fromDate.AddDays(-ForecastTargets.InjuryHorizonDays);
        var rows = await db.ModelPredictions.AsNoTracking()
            .Where(p => p.AthleteId == athleteId && p.AsOfDate >= since && p.AsOfDate <= toDate
                && p.Target != ForecastTarget.Performance && p.ModelVersion!.Status == ModelVersionStatus.Active)
            .Select(p => new { p.Target, p.AsOfDate, p.Value, p.CreatedUtc })
            .ToListAsync(ct);

        var cuts = new Dictionary<DateOnly, (double Cut, string Reason)>();
        void Lower(DateOnly date, double cut, string reason)
        {
            if (date >= fromDate && date <= toDate && cut > 0 && (!cuts.TryGetValue(date, out var had) || had.Cut < cut))
            {
                cuts[date] = (cut, reason);
            }
        }

        foreach (var latest in rows.GroupBy(r => r.Target).Select(g => g.OrderByDescending(r => r.AsOfDate).ThenByDescending(r => r.CreatedUtc).First()))
        {
            if (latest.Target == ForecastTarget.Readiness && latest.Value < LowReadiness)
            {
                var shown = Math.Clamp(Math.Round(latest.Value), 1, 10);
                var cut = Math.Min(MaxCut, 0.1 * (6 - shown));
                Lower(latest.AsOfDate.AddDays(1), cut, string.Create(CultureInfo.InvariantCulture, $"Lowered {cut * 100:0} %: readiness forecast {shown:0}/10"));
            }
            else if (latest.Target == ForecastTarget.InjuryRisk && latest.Value >= HighInjuryRisk)
            {
                var cut = Math.Min(MaxCut, Math.Round(latest.Value, 2));
                var reason = string.Create(CultureInfo.InvariantCulture, $"Lowered {cut * 100:0} %: injury risk forecast {latest.Value * 100:0} % over 7 days");
                for (var d = 1; d <= ForecastTargets.InjuryHorizonDays; d++)
                {
                    Lower(latest.AsOfDate.AddDays(d), cut, reason);
                }
            }
        }

        return [.. cuts.OrderBy(c => c.Key).Select(c => new PlanAdvice(c.Key, 1 - c.Value.Cut, c.Value.Reason))];
    }
}
