namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>
/// One day of a forecast track: what the active model forecast for <see cref="Date"/> the day before, with its
/// likely range, and what was then reported (null when nothing was, or the day has not come yet).
/// </summary>
public sealed record ForecastTrackPoint(DateOnly Date, double Value, double Lower, double Upper, double? Actual);
