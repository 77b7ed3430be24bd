namespace CoachPortal.Core.Forecasting;

/// <summary>Test-period errors of one predictor (a model or a baseline); lower is better for each.</summary>
public sealed record MetricSet(string Name, double Primary, IReadOnlyDictionary<string, double> Values);
