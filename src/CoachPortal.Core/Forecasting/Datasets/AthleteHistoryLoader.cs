using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>Reads daily loads, check-ins, performance tests and injuries into <see cref="AthleteHistory"/> rows.</summary>
public static class AthleteHistoryLoader
{
    /// <summary>Histories of the given athletes from their first record up to <paramref name="until"/> inclusive.</summary>
    public static async Task<List<AthleteHistory>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> athleteIds, DateOnly until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = athleteIds.ToList();
        var teams = await db.Athletes.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.TeamId }).ToDictionaryAsync(a => a.Id, a => a.TeamId, ct);
        var loads = await db.DailyLoads.AsNoTracking().Where(l => ids.Contains(l.AthleteId) && l.Date <= until).ToListAsync(ct);
        var wellness = await db.WellnessCheckIns.AsNoTracking().Where(w => ids.Contains(w.AthleteId) && w.Date <= until).ToListAsync(ct);
        var tests = await db.PerformanceTests.AsNoTracking().Where(t => ids.Contains(t.AthleteId) && t.Date <= until).OrderBy(t => t.Date).ToListAsync(ct);
        var injuries = await db.Injuries.AsNoTracking().Where(i => ids.Contains(i.AthleteId) && i.OnsetDate <= until).ToListAsync(ct);

        var result = new List<AthleteHistory>();
        foreach (var id in ids.Where(teams.ContainsKey).Order())
        {
            var dates = loads.Where(l => l.AthleteId == id).Select(l => l.Date)
                .Concat(wellness.Where(w => w.AthleteId == id).Select(w => w.Date))
                .Concat(tests.Where(t => t.AthleteId == id).Select(t => t.Date))
                .ToList();
            if (dates.Count == 0)
            {
                continue;
            }

            var start = dates.Min();
            var history = new AthleteHistory(id, teams[id], start, until.DayNumber - start.DayNumber + 1);
            foreach (var l in loads.Where(l => l.AthleteId == id))
            {
                var d = history.IndexOf(l.Date);
                Set(history, d, [l.PrimaryLoad, l.Ctl, l.Atl, l.Tsb, l.AcwrEwma ?? double.NaN, l.Monotony ?? double.NaN, l.Strain ?? double.NaN, l.SessionCount], 0);
            }

            foreach (var w in wellness.Where(w => w.AthleteId == id))
            {
                Set(history, history.IndexOf(w.Date), [N(w.Readiness), N(w.Fatigue), N(w.Soreness), w.SleepHours ?? double.NaN, N(w.Stress), w.HrvRmssdMs ?? double.NaN, N(w.RestingHeartRateBpm)], DailyFeatures.Readiness);
            }

            // One kind per athlete keeps the index comparable: the kind the athlete was tested in most.
            var own = tests.Where(t => t.AthleteId == id).ToList();
            var kind = own.GroupBy(t => t.Kind).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            var reference = own.FirstOrDefault(t => t.Kind == kind);
            foreach (var t in own.Where(t => t.Kind == kind && t.Value > 0))
            {
                var ratio = t.Value / reference!.Value;
                history.TestIndex[history.IndexOf(t.Date)] = 100 * (t.HigherIsBetter ? ratio : 1 / ratio);
            }

            foreach (var i in injuries.Where(i => i.AthleteId == id))
            {
                var onset = history.IndexOf(i.OnsetDate);
                if (onset < 0)
                {
                    continue;
                }

                history.InjuryOnset[onset] = true;
                var end = i.ReturnDate is { } r ? history.IndexOf(r) : onset + Math.Max(1, i.DaysLost ?? 7);
                for (var d = onset; d < Math.Min(end, history.Days); d++)
                {
                    history.Injured[d] = true;
                }
            }

            result.Add(history);
        }

        return result;
    }

    private static double N(int? value) => value ?? double.NaN;

    private static void Set(AthleteHistory history, int day, double[] values, int firstChannel)
    {
        if (day < 0 || day >= history.Days)
        {
            return;
        }

        for (var k = 0; k < values.Length; k++)
        {
            history.Channels[firstChannel + k][day] = values[k];
        }
    }
}
