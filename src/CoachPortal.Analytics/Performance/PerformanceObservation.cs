namespace CoachPortal.Analytics.Performance;

/// <summary>A measured performance on a day of the load series (e.g. a 20-min power test or a time-trial speed).</summary>
/// <param name="DayIndex">Zero-based day within the daily load series.</param>
/// <param name="Value">The performance marker, higher is better, in its own unit.</param>
public readonly record struct PerformanceObservation(int DayIndex, double Value);
