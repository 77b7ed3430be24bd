namespace CoachPortal.Analytics.Workouts;

/// <summary>
/// A workout's expected duration and load for one athlete. <see cref="Tss"/> is the TSS-equivalent load
/// (power TSS, rTSS or hrTSS depending on the targets); <see cref="SessionRpeLoad"/> is RPE × minutes (Foster 2001).
/// </summary>
public sealed record WorkoutEstimate(
    double DurationSeconds,
    double? DistanceMeters,
    double Tss,
    double IntensityFactor,
    double SessionRpeLoad,
    double HighIntensitySeconds,
    string Method);
