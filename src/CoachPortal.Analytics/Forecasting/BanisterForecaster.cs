using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Forecasting;

/// <summary>Fits Banister's impulse-response model on the observations and runs it over the planned loads.</summary>
/// <param name="options">Fit options; null for the defaults.</param>
public sealed class BanisterForecaster(BanisterFitOptions? options = null) : IPerformanceForecaster
{
    /// <inheritdoc />
    public string Name => "banister";

    /// <summary>The fit of the last forecast, for reporting.</summary>
    public BanisterFitResult? LastFit { get; private set; }

    /// <inheritdoc />
    public double[] Forecast(ReadOnlySpan<double> dailyLoads, IReadOnlyList<PerformanceObservation> observations, int firstForecastDay, int horizonDays)
    {
        ForecastInput.Validate(dailyLoads, observations, firstForecastDay, horizonDays);
        var fit = BanisterModel.Fit(dailyLoads[..firstForecastDay], observations, options);
        LastFit = fit;
        return fit.Parameters.Predict(dailyLoads[..(firstForecastDay + horizonDays)])[firstForecastDay..];
    }
}
