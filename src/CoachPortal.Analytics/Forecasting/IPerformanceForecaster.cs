using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Forecasting;

/// <summary>
/// Forecasts a performance marker for future days from the daily loads (history and plan) and the markers observed
/// so far. The baselines here set the bar the learned models must beat.
/// </summary>
public interface IPerformanceForecaster
{
    /// <summary>Short name for reports.</summary>
    string Name { get; }

    /// <summary>
    /// Forecasts days <paramref name="firstForecastDay"/> … <paramref name="firstForecastDay"/> + <paramref name="horizonDays"/> − 1.
    /// <paramref name="dailyLoads"/> covers at least those days; every observation lies before <paramref name="firstForecastDay"/>.
    /// </summary>
    double[] Forecast(ReadOnlySpan<double> dailyLoads, IReadOnlyList<PerformanceObservation> observations, int firstForecastDay, int horizonDays);
}
