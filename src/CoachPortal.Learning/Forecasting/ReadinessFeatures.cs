namespace CoachPortal.Learning.Forecasting;

/// <summary>
/// The per-day inputs of the readiness forecaster for a forecast made on day D (for D + 1), from days ≤ D only.
/// Every wellness channel is standardised by the athlete's own mean and spread up to D (shrunk towards the club's
/// when the athlete has few days), so one pooled model serves athletes whose scales differ; athlete-level
/// features (level, spread, how far the EWMA sits from the athlete's mean) let it tell them apart.
/// </summary>
public static class ReadinessFeatures
{
    /// <summary>Days in each input window.</summary>
    public const int WindowDays = 7;

    // pseudo-observations of the club's statistics blended into an athlete's own (empirical Bayes style shrinkage)
    private const double MeanPriorDays = 3;
    private const double SpreadPriorDays = 7;

    private static readonly WellnessChannel[] s_standardised =
    [
        WellnessChannel.Readiness, WellnessChannel.Fatigue, WellnessChannel.Soreness, WellnessChannel.Stress,
        WellnessChannel.SleepQuality, WellnessChannel.Mood, WellnessChannel.SleepHours, WellnessChannel.RestingHeartRate,
        WellnessChannel.SleepScore,
    ];

    /// <summary>Feature names in input order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "readiness_z", "fatigue_z", "soreness_z", "stress_z", "sleep_quality_z", "mood_z", "sleep_hours_z", "resting_hr_z", "sleep_score_z",
        "reported", "load_z", "ewma_vs_mean", "athlete_mean", "athlete_spread", "median7_vs_ewma", "last_vs_ewma",
        "weekday_sin", "weekday_cos", "days_known", "ewma_fraction", "last_vs_rounded", "mode14_vs_rounded",
    ];

    /// <summary>Number of features per day.</summary>
    public static int Count => Names.Count;

    /// <summary>The club's mean and spread of each channel (what an athlete with no history is assumed to have).</summary>
    public static ChannelPriors Priors(IEnumerable<WellnessSeries> series, Func<WellnessSeries, int> daysKnown)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(daysKnown);
        var channels = Enum.GetValues<WellnessChannel>().Length;
        var mean = new double[channels];
        var spread = new double[channels];
        var all = series.ToList();
        for (var c = 0; c < channels; c++)
        {
            // spread within athletes: the scale a day-to-day change is measured in
            var values = new List<double>();
            var deviations = new List<double>();
            foreach (var s in all)
            {
                var own = s.Channels[c].Take(daysKnown(s)).Select(v => Transform((WellnessChannel)c, v)).Where(v => !double.IsNaN(v)).ToList();
                values.AddRange(own);
                if (own.Count > 1)
                {
                    var m = own.Average();
                    deviations.AddRange(own.Select(v => v - m));
                }
            }

            mean[c] = values.Count > 0 ? values.Average() : 0;
            var sd = deviations.Count > 1 ? Math.Sqrt(deviations.Sum(d => d * d) / (deviations.Count - 1)) : 1;
            spread[c] = sd > 1e-6 ? sd : 1;
        }

        return new ChannelPriors(mean, spread);
    }

    /// <summary>Writes the window ending on <paramref name="day"/> into <paramref name="features"/>[sample].</summary>
    /// <returns>the EWMA of readiness on the day (what the model's residual is added to) and the athlete's readiness spread</returns>
    public static (double Ewma, double Spread) Fill(WellnessSeries series, int day, ChannelPriors priors, float[,,] features, int sample)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(features);
        var readiness = series[WellnessChannel.Readiness];
        var ewma = ClassicalForecasts.Ewma(readiness, day);
        var stats = new (double Mean, double Spread)[s_standardised.Length + 1];
        for (var k = 0; k < s_standardised.Length; k++)
        {
            stats[k] = Statistics(series, s_standardised[k], day, priors);
        }

        stats[^1] = Statistics(series, WellnessChannel.Load, day, priors);
        var (rMean, rSpread) = stats[0];
        var recent = Enumerable.Range(Math.Max(0, day - 6), Math.Min(7, day + 1)).Select(d => readiness[d]).Where(v => !double.IsNaN(v)).Order().ToArray();
        var median = recent.Length == 0 ? ewma : recent.Length % 2 == 1 ? recent[recent.Length / 2] : (recent[(recent.Length / 2) - 1] + recent[recent.Length / 2]) / 2;
        var last = ClassicalForecasts.Persistence(readiness, day);
        var known = readiness.Take(day + 1).Count(v => !double.IsNaN(v));
        var weekday = (int)series.DateOf(day + 1).DayOfWeek;
        var rPrior = priors.Spread[(int)WellnessChannel.Readiness];
        double[] athlete =
        [
            (ewma - rMean) / rSpread,
            (rMean - priors.Mean[(int)WellnessChannel.Readiness]) / rPrior,
            (rSpread / rPrior) - 1,
            (median - ewma) / rSpread,
            (last - ewma) / rSpread,
            Math.Sin(2 * Math.PI * weekday / 7),
            Math.Cos(2 * Math.PI * weekday / 7),
            Math.Log(1 + known) / 5,
            // readiness is reported in whole points: where the EWMA sits between two of them decides the likely next report
            ewma - Math.Round(ewma),
            last - Math.Round(ewma),
            Mode(readiness, day, 14) - Math.Round(ewma),
        ];
        for (var t = 0; t < WindowDays; t++)
        {
            var d = day - WindowDays + 1 + t;
            for (var k = 0; k < s_standardised.Length; k++)
            {
                var v = d >= 0 ? Transform(s_standardised[k], series[s_standardised[k]][d]) : double.NaN;
                features[sample, t, k] = double.IsNaN(v) ? 0f : (float)Math.Clamp((v - stats[k].Mean) / stats[k].Spread, -5, 5);
            }

            features[sample, t, s_standardised.Length] = d >= 0 && !double.IsNaN(readiness[d]) ? 1f : 0f;
            var load = d >= 0 ? Transform(WellnessChannel.Load, series[WellnessChannel.Load][d]) : double.NaN;
            features[sample, t, s_standardised.Length + 1] = double.IsNaN(load) ? 0f : (float)Math.Clamp((load - stats[^1].Mean) / stats[^1].Spread, -5, 5);
            for (var a = 0; a < athlete.Length; a++)
            {
                features[sample, t, s_standardised.Length + 2 + a] = double.IsFinite(athlete[a]) ? (float)Math.Clamp(athlete[a], -5, 5) : 0f;
            }
        }

        return (ewma, rSpread);
    }

    // the most frequent whole-point report of the last days (the larger one on a tie), NaN when none
    private static double Mode(double[] readiness, int day, int days)
    {
        var counts = new Dictionary<double, int>();
        for (var d = Math.Max(0, day - days + 1); d <= day; d++)
        {
            if (!double.IsNaN(readiness[d]))
            {
                var v = Math.Round(readiness[d]);
                counts[v] = counts.GetValueOrDefault(v) + 1;
            }
        }

        return counts.Count == 0 ? double.NaN : counts.OrderByDescending(p => p.Value).ThenByDescending(p => p.Key).First().Key;
    }

    // load is heavy-tailed and zero on rest days: log(1 + load) makes a day-to-day change comparable across athletes
    private static double Transform(WellnessChannel channel, double value) => channel == WellnessChannel.Load && !double.IsNaN(value) ? Math.Log(1 + Math.Max(0, value)) : value;

    private static (double Mean, double Spread) Statistics(WellnessSeries series, WellnessChannel channel, int day, ChannelPriors priors)
    {
        var values = series[channel];
        double n = 0, sum = 0, sumSquares = 0;
        for (var d = 0; d <= day && d < values.Length; d++)
        {
            var v = Transform(channel, values[d]);
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
                sumSquares += v * v;
            }
        }

        var priorMean = priors.Mean[(int)channel];
        var priorSpread = priors.Spread[(int)channel];
        var mean = (sum + (MeanPriorDays * priorMean)) / (n + MeanPriorDays);
        var ownVariance = n > 1 ? Math.Max(0, (sumSquares - (sum * sum / n)) / (n - 1)) : 0;
        var variance = ((Math.Max(0, n - 1) * ownVariance) + (SpreadPriorDays * priorSpread * priorSpread)) / (Math.Max(0, n - 1) + SpreadPriorDays);
        return (mean, Math.Max(Math.Sqrt(variance), 1e-3));
    }
}
