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

    /// <summary>
    /// Power above this is a sensor glitch and is ignored by every metric (default 2,500 W, above the peak of elite
    /// track sprinters). Too low would cut real sprints; the raw recording keeps every sample either way.
    /// </summary>
    public double MaxPlausiblePowerWatts { get; init; } = 2500;

    /// <summary>Heart rate below this is a strap losing contact and is ignored (default 30 bpm).</summary>
    public double MinPlausibleHeartRateBpm { get; init; } = 30;

    /// <summary>Heart rate above this is interference (cadence lock, electrical noise) and is ignored (default 230 bpm).</summary>
    public double MaxPlausibleHeartRateBpm { get; init; } = 230;

    /// <summary>Speed above this is a GPS jump and is ignored (default 35 m/s, 126 km/h, faster than racing descents).</summary>
    public double MaxPlausibleSpeedMetersPerSecond { get; init; } = 35;

    /// <summary>
    /// A speed changing faster than this since the last plausible sample is a GPS jump and is ignored
    /// (default 10 m/s², beyond any sprint start).
    /// </summary>
    public double MaxPlausibleAccelerationMetersPerSecondSquared { get; init; } = 10;

    /// <summary>
    /// Loads and zones weight each sample by the seconds until the next one up to this gap (default 10 s, covering
    /// smart recording's 1–8 s); a longer gap is a pause and the sample counts one second.
    /// </summary>
    public int MaxHeldGapSeconds { get; init; } = 10;

    /// <summary>Compute mean-maximal curves (the costliest part; default on).</summary>
    public bool IncludeMeanMaximalCurves { get; init; } = true;
}
