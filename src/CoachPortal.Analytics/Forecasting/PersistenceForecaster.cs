using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Forecasting;

/// <summary>Naive persistence: every future day equals the last observation.</summary>
public sealed class PersistenceForecaster : IPerformanceForecaster
{
    /// <inheritdoc />
    public string Name => "persistence";

    /// <inheritdoc />
    public double[] Forecast(ReadOnlySpan<double> dailyLoads, IReadOnlyList<PerformanceObservation> observations, int firstForecastDay, int horizonDays)
    {
        var history = ForecastInput.Validate(dailyLoads, observations, firstForecastDay, horizonDays);
        var result = new double[horizonDays];
        Array.Fill(result, history[^1].Value);
        return result;
    }
}
