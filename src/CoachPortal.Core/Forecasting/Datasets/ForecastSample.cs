namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>Which athlete and day a dataset row comes from; <see cref="Day"/> indexes the athlete's history.</summary>
public sealed record ForecastSample(AthleteHistory History, int Day, DateOnly Date, double Target);
