using CoachPortal.Ingest.Wellness;
using CoachPortal.Learning.Forecasting;

namespace CoachPortal.Bench;

/// <summary>PMData folders through the product's parser into the forecaster's daily series.</summary>
internal static class PmDataSeries
{
    // PMData's participants lived in Norway: UTC+1 over the whole study (November to March).
    private static readonly TimeSpan s_utcOffset = TimeSpan.FromHours(1);

    public static List<WellnessSeries> Load(string folder)
    {
        var participants = PmDataParser.ReadFolder(folder);
        if (participants.Count == 0)
        {
            throw new DirectoryNotFoundException($"no participant folder (pXX/pmsys/wellness.csv) under {folder}");
        }

        return [.. participants.Select(p => From(p.Id, WellnessDays.Build(p, s_utcOffset)))];
    }

    public static WellnessSeries From(string athlete, IReadOnlyList<WellnessDay> days)
    {
        var series = new WellnessSeries(athlete, days.Count > 0 ? days[0].Date : default, days.Count);
        var injured = false;
        for (var d = 0; d < days.Count; d++)
        {
            var w = days[d];
            Set(series, WellnessChannel.Readiness, d, w.Readiness);
            Set(series, WellnessChannel.Fatigue, d, w.Fatigue);
            Set(series, WellnessChannel.Soreness, d, w.Soreness);
            Set(series, WellnessChannel.Stress, d, w.Stress);
            Set(series, WellnessChannel.SleepQuality, d, w.SleepQuality);
            Set(series, WellnessChannel.Mood, d, w.Mood);
            Set(series, WellnessChannel.SleepHours, d, w.SleepHours);
            Set(series, WellnessChannel.RestingHeartRate, d, w.RestingHeartRateBpm);
            Set(series, WellnessChannel.SleepScore, d, w.SleepScore);
            series[WellnessChannel.Load][d] = w.LoadAu;

            // weekly reports: an onset is the first report naming an injury after one that named none
            if (w.InjuryReported is { } reported)
            {
                series.InjuryOnset[d] = reported && !injured;
                injured = reported;
            }
        }

        return series;
    }

    private static void Set(WellnessSeries series, WellnessChannel channel, int day, double? value) =>
        series[channel][day] = value ?? double.NaN;
}
