namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>
/// The per-day feature vector of the forecasters, built for day D only from days ≤ D. Recorded channels carry their
/// last value forward (it was known then); a channel never observed up to D is masked, not invented.
/// </summary>
public static class DailyFeatures
{
    /// <summary>Channels read from the database, in <see cref="AthleteHistory.Channels"/> order.</summary>
    public const int RecordedChannels = 15;

    private const double MaxDaysSinceTest = 60;
    private const double MaxDaysSinceInjury = 365;

    public static IReadOnlyList<string> Names { get; } =
    [
        "load", "ctl", "atl", "tsb", "acwr", "monotony", "strain", "sessions",
        "readiness", "fatigue", "soreness", "sleep_hours", "stress", "hrv_rmssd_ms", "resting_hr_bpm",
        "wellness_reported", "performance_index", "days_since_test", "days_since_injury", "injured",
    ];

    public const int Load = 0;
    public const int Acwr = 4;
    public const int Monotony = 5;
    public const int Readiness = 8;

    public static int Count => Names.Count;

    /// <summary>Writes the window ending on <paramref name="day"/> into <paramref name="features"/>[sample] and its channel mask.</summary>
    public static void Fill(AthleteHistory history, int day, int windowDays, float[,,] features, float[,] mask, int sample)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(mask);
        var first = day - windowDays + 1;
        for (var c = 0; c < Count; c++)
        {
            var values = new double[windowDays];
            var seen = false;
            for (var t = 0; t < windowDays; t++)
            {
                values[t] = Value(history, c, first + t);
                seen |= !double.IsNaN(values[t]);
            }

            mask[sample, c] = seen ? 1f : 0f;
            if (!seen)
            {
                continue;
            }

            // Steps before the first observation in the window take that observation (still ≤ D, so no leakage).
            var firstSeen = Array.FindIndex(values, v => !double.IsNaN(v));
            var last = values[firstSeen];
            for (var t = 0; t < windowDays; t++)
            {
                if (!double.IsNaN(values[t]))
                {
                    last = values[t];
                }

                features[sample, t, c] = (float)last;
            }
        }
    }

    /// <summary>Feature <paramref name="channel"/> on <paramref name="day"/> from days ≤ day only; NaN when unknown.</summary>
    public static double Value(AthleteHistory history, int channel, int day)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (day < 0 || day >= history.Days)
        {
            return double.NaN;
        }

        if (channel < RecordedChannels)
        {
            return LastKnown(history.Channels[channel], day, channel >= Readiness ? 3 : 0);
        }

        return (channel - RecordedChannels) switch
        {
            0 => double.IsNaN(history.Channels[Readiness][day]) ? 0 : 1,
            1 => LastKnown(history.TestIndex, day, int.MaxValue),
            2 => DaysSince(history.TestIndex, day, MaxDaysSinceTest),
            3 => DaysSinceOnset(history, day),
            _ => history.Injured[day] ? 1 : 0,
        };
    }

    private static double LastKnown(double[] series, int day, int maxAgeDays)
    {
        for (var d = day; d >= 0 && day - d <= maxAgeDays; d--)
        {
            if (!double.IsNaN(series[d]))
            {
                return series[d];
            }
        }

        return double.NaN;
    }

    private static double DaysSince(double[] series, int day, double cap)
    {
        for (var d = day; d >= 0; d--)
        {
            if (!double.IsNaN(series[d]))
            {
                return Math.Min(cap, day - d);
            }
        }

        return double.NaN;
    }

    private static double DaysSinceOnset(AthleteHistory history, int day)
    {
        for (var d = day; d >= 0; d--)
        {
            if (history.InjuryOnset[d])
            {
                return Math.Min(MaxDaysSinceInjury, day - d);
            }
        }

        return double.NaN;
    }
}
