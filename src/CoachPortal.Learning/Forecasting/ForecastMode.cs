namespace CoachPortal.Learning.Forecasting;

/// <summary>What a <see cref="ReadinessModel"/> forecasts with, as chosen by cross-validation inside the training period.</summary>
public enum ForecastMode
{
    /// <summary>The EWMA of readiness alone (the model did not help).</summary>
    Ewma,

    /// <summary>The EWMA rounded to a whole point (reports are whole points, and the median of whole points is one).</summary>
    RoundedEwma,

    /// <summary>The median of the network ensemble's distribution of the next report.</summary>
    Network,
}
