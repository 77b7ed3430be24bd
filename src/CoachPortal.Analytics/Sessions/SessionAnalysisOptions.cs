namespace CoachPortal.Analytics.Sessions;

/// <summary>Tuning of the per-session analysis; the defaults suit 1 Hz GPS/barometric recordings.</summary>
public sealed record SessionAnalysisOptions
{
    /// <summary>Default options.</summary>
    public static SessionAnalysisOptions Default { get; } = new();

    /// <summary>The sport, which selects power TSS (cycling) or running TSS and grade-adjusted pace (running).</summary>
    public Sport Sport { get; init; }

    /// <summary>
    /// A sample counts as moving above this speed (default 0.5 m/s, a slow walk's lower end). Without a speed
    /// column a sample is moving when power or cadence is positive; without those, every recorded sample moves.
    /// </summary>
    public double MovingSpeedThresholdMetersPerSecond { get; init; } = 0.5;

    /// <summary>Half-width of the centred altitude smoothing window in samples (default 5, an 11-s window).</summary>
    public int AltitudeSmoothingHalfWindowSamples { get; init; } = 5;

    /// <summary>
    /// Elevation hysteresis in metres (default 2): smaller climbs are treated as noise. Too low counts GPS noise as
    /// climbing; too high drops real short climbs.
    /// </summary>
    public double ElevationHysteresisMeters { get; init; } = 2.0;

    /// <summary>Half-width in samples of the window over which grade is measured for grade-adjusted pace (default 5).</summary>
    public int GradeHalfWindowSamples { get; init; } = 5;

    /// <summary>Session RPE on the CR-10 scale, when the athlete rated the session.</summary>
    public double? Rpe { get; init; }

    /// <summary>Duration the RPE applies to in minutes; defaults to the recorded (non-paused) duration.</summary>
    public double? RpeDurationMinutes { get; init; }

    /// <summary>Compute mean-maximal curves (the costliest part; default on).</summary>
    public bool IncludeMeanMaximalCurves { get; init; } = true;
}
