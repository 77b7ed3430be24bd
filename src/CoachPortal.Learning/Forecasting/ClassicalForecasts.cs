namespace CoachPortal.Learning.Forecasting;

/// <summary>
/// Next-day forecasts of a daily series from days ≤ D only: persistence (the last observation) and an exponentially
/// weighted moving average over the observed days (Brown, 1956). NaN when nothing was observed yet.
/// </summary>
public static class ClassicalForecasts
{
    /// <summary>The smoothing factor the portal compares with (0.3: about a week's memory).</summary>
    public const double DefaultAlpha = 0.3;

    /// <summary>The last observed value up to <paramref name="day"/>.</summary>
    public static double Persistence(double[] series, int day)
    {
        ArgumentNullException.ThrowIfNull(series);
        for (var d = Math.Min(day, series.Length - 1); d >= 0; d--)
        {
            if (!double.IsNaN(series[d]))
            {
                return series[d];
            }
        }

        return double.NaN;
    }

    /// <summary>EWMA of the observed values up to <paramref name="day"/>, started at the first one; missing days are skipped.</summary>
    public static double Ewma(double[] series, int day, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(series);
        var level = double.NaN;
        for (var d = 0; d <= day && d < series.Length; d++)
        {
            if (!double.IsNaN(series[d]))
            {
                level = double.IsNaN(level) ? series[d] : (alpha * series[d]) + ((1 - alpha) * level);
            }
        }

        return level;
    }
}
