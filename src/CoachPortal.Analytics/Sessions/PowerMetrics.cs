namespace CoachPortal.Analytics.Sessions;

/// <summary>Power-based metrics after Coggan (Allen &amp; Coggan 2010, "Training and Racing with a Power Meter").</summary>
public static class PowerMetrics
{
    /// <summary>Rolling window of normalised power, seconds (Coggan 2003).</summary>
    public const int RollingWindowSeconds = 30;

    /// <summary>
    /// Normalised power: the 4th root of the mean of the 4th power of the 30-s rolling average power (Coggan 2003).
    /// Input is the recorded samples in order with pauses already removed; a missing sample (NaN) counts as 0 W,
    /// as a dropout while coasting does. Null when fewer than 30 samples. O(n).
    /// </summary>
    public static double? NormalizedPower(ReadOnlySpan<float> powerWatts) =>
        FourthPowerMean(powerWatts, RollingWindowSeconds);

    /// <summary>Intensity factor IF = NP / FTP (Coggan 2003).</summary>
    public static double IntensityFactor(double normalizedPowerWatts, double functionalThresholdPowerWatts) =>
        normalizedPowerWatts / functionalThresholdPowerWatts;

    /// <summary>
    /// Training stress score TSS = (t · NP · IF) / (FTP · 3600) · 100 with t in seconds (Coggan 2003);
    /// one hour at FTP scores 100.
    /// </summary>
    public static double TrainingStressScore(double durationSeconds, double normalizedPowerWatts, double functionalThresholdPowerWatts)
    {
        var intensity = IntensityFactor(normalizedPowerWatts, functionalThresholdPowerWatts);
        return durationSeconds * normalizedPowerWatts * intensity / (functionalThresholdPowerWatts * 3600.0) * 100.0;
    }

    /// <summary>Variability index VI = NP / average power (Allen &amp; Coggan 2010).</summary>
    public static double VariabilityIndex(double normalizedPowerWatts, double averagePowerWatts) =>
        normalizedPowerWatts / averagePowerWatts;

    /// <summary>Mechanical work in kilojoules: Σ P · 1 s / 1000 over non-missing samples.</summary>
    public static double WorkKilojoules(ReadOnlySpan<float> powerWatts)
    {
        var joules = 0.0;
        foreach (var p in powerWatts)
        {
            if (!float.IsNaN(p))
            {
                joules += p;
            }
        }

        return joules / 1000.0;
    }

    /// <summary>4th-root of the mean 4th power of a rolling mean; NaN counts as 0. Shared with normalised graded speed.</summary>
    internal static double? FourthPowerMean(ReadOnlySpan<float> values, int windowSamples)
    {
        if (values.Length < windowSamples)
        {
            return null;
        }

        var window = 0.0;
        var sumFourth = 0.0;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            window += Value(values[i]);
            if (i >= windowSamples)
            {
                window -= Value(values[i - windowSamples]);
            }

            if (i >= windowSamples - 1)
            {
                var mean = Math.Max(0.0, window / windowSamples);
                var squared = mean * mean;
                sumFourth += squared * squared;
                count++;
            }
        }

        return Math.Pow(sumFourth / count, 0.25);

        static double Value(float v) => float.IsNaN(v) ? 0.0 : v;
    }
}
