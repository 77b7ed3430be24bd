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
        // Only the columns the features use, grouped by athlete once: a batch holds years of days for hundreds of athletes.
        var loads = (await db.DailyLoads.AsNoTracking().Where(l => ids.Contains(l.AthleteId) && l.Date <= until)
            .Select(l => new LoadRow(l.AthleteId, l.Date, l.PrimaryLoad, l.Ctl, l.Atl, l.Tsb, l.AcwrEwma, l.Monotony, l.Strain, l.SessionCount))
            .ToListAsync(ct)).ToLookup(l => l.AthleteId);
        var wellness = (await db.WellnessCheckIns.AsNoTracking().Where(w => ids.Contains(w.AthleteId) && w.Date <= until)
            .Select(w => new WellnessRow(w.AthleteId, w.Date, w.Readiness, w.Fatigue, w.Soreness, w.SleepHours, w.Stress, w.HrvRmssdMs, w.RestingHeartRateBpm))
            .ToListAsync(ct)).ToLookup(w => w.AthleteId);
        var tests = (await db.PerformanceTests.AsNoTracking().Where(t => ids.Contains(t.AthleteId) && t.Date <= until).OrderBy(t => t.Date).ToListAsync(ct))
            .ToLookup(t => t.AthleteId);
        var injuries = (await db.Injuries.AsNoTracking().Where(i => ids.Contains(i.AthleteId) && i.OnsetDate <= until).ToListAsync(ct))
            .ToLookup(i => i.AthleteId);

        var result = new List<AthleteHistory>();
        foreach (var id in ids.Where(teams.ContainsKey).Order())
        {
            var start = DateOnly.MaxValue;
            foreach (var date in loads[id].Select(l => l.Date).Concat(wellness[id].Select(w => w.Date)).Concat(tests[id].Select(t => t.Date)))
            {
                start = date < start ? date : start;
            }

            if (start == DateOnly.MaxValue)
            {
                continue;
            }

            var history = new AthleteHistory(id, teams[id], start, until.DayNumber - start.DayNumber + 1);
            foreach (var l in loads[id])
            {
                var d = history.IndexOf(l.Date);
                Set(history, d, [l.PrimaryLoad, l.Ctl, l.Atl, l.Tsb, l.AcwrEwma ?? double.NaN, l.Monotony ?? double.NaN, l.Strain ?? double.NaN, l.SessionCount], 0);
            }

            foreach (var w in wellness[id])
            {
                Set(history, history.IndexOf(w.Date), [N(w.Readiness), N(w.Fatigue), N(w.Soreness), w.SleepHours ?? double.NaN, N(w.Stress), w.HrvRmssdMs ?? double.NaN, N(w.RestingHeartRateBpm)], DailyFeatures.Readiness);
            }

            // One kind per athlete keeps the index comparable: the kind the athlete was tested in most.
            var own = tests[id].ToList();
            var kind = own.GroupBy(t => t.Kind).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            var reference = own.FirstOrDefault(t => t.Kind == kind);
            foreach (var t in own.Where(t => t.Kind == kind && t.Value > 0))
            {
                var ratio = t.Value / reference!.Value;
                history.TestIndex[history.IndexOf(t.Date)] = 100 * (t.HigherIsBetter ? ratio : 1 / ratio);
            }

            foreach (var i in injuries[id])
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

    private sealed record LoadRow(int AthleteId, DateOnly Date, double PrimaryLoad, double Ctl, double Atl, double Tsb, double? AcwrEwma, double? Monotony, double? Strain, int SessionCount);

    private sealed record WellnessRow(int AthleteId, DateOnly Date, int? Readiness, int? Fatigue, int? Soreness, double? SleepHours, int? Stress, double? HrvRmssdMs, int? RestingHeartRateBpm);

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
