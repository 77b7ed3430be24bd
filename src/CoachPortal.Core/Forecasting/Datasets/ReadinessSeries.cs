using CoachPortal.Core.Data;
using CoachPortal.Learning.Forecasting;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>
/// The readiness forecaster's daily series from <see cref="AthleteHistory"/> rows plus the check-in scales the history
/// does not carry (mood, sleep quality). Days follow the history's; load is 0 on a day without a computed load.
/// </summary>
public static class ReadinessSeries
{
    /// <summary>Mood and sleep quality by athlete and day, up to <paramref name="until"/>.</summary>
    public static async Task<Dictionary<(int AthleteId, DateOnly Date), (int? Mood, int? SleepQuality)>> LoadScalesAsync(AppDbContext db, IReadOnlyCollection<int> athleteIds, DateOnly until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = athleteIds.ToList();
        var rows = await db.WellnessCheckIns.AsNoTracking()
            .Where(w => ids.Contains(w.AthleteId) && w.Date <= until && (w.Mood != null || w.SleepQuality != null))
            .Select(w => new { w.AthleteId, w.Date, w.Mood, w.SleepQuality })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.AthleteId, r.Date)).ToDictionary(g => g.Key, g => (g.Last().Mood, g.Last().SleepQuality));
    }

    /// <summary>One series per history, keyed by athlete id.</summary>
    public static Dictionary<int, WellnessSeries> From(IEnumerable<AthleteHistory> histories, IReadOnlyDictionary<(int AthleteId, DateOnly Date), (int? Mood, int? SleepQuality)> scales)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(scales);
        var result = new Dictionary<int, WellnessSeries>();
        foreach (var h in histories)
        {
            var s = new WellnessSeries(h.AthleteId.ToString(System.Globalization.CultureInfo.InvariantCulture), h.Start, h.Days);
            for (var d = 0; d < h.Days; d++)
            {
                s[WellnessChannel.Readiness][d] = h.Channels[DailyFeatures.Readiness][d];
                s[WellnessChannel.Fatigue][d] = h.Channels[DailyFeatures.Readiness + 1][d];
                s[WellnessChannel.Soreness][d] = h.Channels[DailyFeatures.Readiness + 2][d];
                s[WellnessChannel.SleepHours][d] = h.Channels[DailyFeatures.Readiness + 3][d];
                s[WellnessChannel.Stress][d] = h.Channels[DailyFeatures.Readiness + 4][d];
                s[WellnessChannel.RestingHeartRate][d] = h.Channels[DailyFeatures.Readiness + 6][d];
                var load = h.Channels[DailyFeatures.Load][d];
                s[WellnessChannel.Load][d] = double.IsNaN(load) ? 0 : load;
                s.InjuryOnset[d] = h.InjuryOnset[d];
                if (scales.TryGetValue((h.AthleteId, h.DateOf(d)), out var scale))
                {
                    s[WellnessChannel.Mood][d] = scale.Mood ?? double.NaN;
                    s[WellnessChannel.SleepQuality][d] = scale.SleepQuality ?? double.NaN;
                }
            }

            result[h.AthleteId] = s;
        }

        return result;
    }

    /// <summary>The bytes hold a <see cref="ReadinessModel"/> (a zip), not a single ONNX model.</summary>
    public static bool IsReadinessModel(byte[] bytes) => bytes is [0x50, 0x4B, 0x03, 0x04, ..];
}
