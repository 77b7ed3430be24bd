namespace CoachPortal.Analytics.Workouts;

/// <summary>One step's expected seconds, intensity factor, TSS-equivalent load and speed (m/s) when it can be known.</summary>
public sealed record StepEstimate(double Seconds, double IntensityFactor, double Tss, double? SpeedMetersPerSecond);
