using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Forecasting;

/// <summary>
/// Exponentially weighted mean of the observations in order (simple exponential smoothing, Brown 1956),
/// held flat over the horizon.
/// </summary>
/// <param name="alpha">Weight of the newest observation, in (0, 1].</param>
public sealed class EwmaForecaster(double alpha = 0.3) : IPerformanceForecaster
{
    /// <inheritdoc />
    public string Name => "ewma";

    /// <inheritdoc />
    public double[] Forecast(ReadOnlySpan<double> dailyLoads, IReadOnlyList<PerformanceObservation> observations, int firstForecastDay, int horizonDays)
    {
        if (!(alpha > 0 && alpha <= 1))
        {
            throw new AnalyticsInputException($"EWMA alpha must lie in (0, 1], was {alpha}.");
        }

        var history = ForecastInput.Validate(dailyLoads, observations, firstForecastDay, horizonDays);
        var level = history[0].Value;
        for (var i = 1; i < history.Count; i++)
        {
            level = alpha * history[i].Value + (1 - alpha) * level;
        }

        var result = new double[horizonDays];
        Array.Fill(result, level);
        return result;
    }
}
