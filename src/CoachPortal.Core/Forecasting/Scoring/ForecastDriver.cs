namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>A day that drove a forecast and its share of the explanation (0–1).</summary>
public sealed record ForecastDriver(DateOnly Date, double Weight);
