namespace CoachPortal.Analytics.Performance;

/// <summary>A best mean power held for a duration (a point of a mean-maximal power curve).</summary>
/// <param name="DurationSeconds">Duration in seconds.</param>
/// <param name="PowerWatts">Mean power in watts.</param>
public readonly record struct DurationPower(double DurationSeconds, double PowerWatts);
