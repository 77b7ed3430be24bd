namespace CoachPortal.Analytics.Sessions;

/// <summary>
/// The athlete's physiological anchors at the time of a session. Every value is optional; a metric that needs a
/// missing anchor is reported as <c>null</c> rather than guessed.
/// </summary>
public sealed record AthleteProfile
{
    /// <summary>Sex, for the sex-specific Banister TRIMP weighting.</summary>
    public Sex Sex { get; init; }

    /// <summary>Maximal heart rate in beats per minute.</summary>
    public double? MaxHeartRateBpm { get; init; }

    /// <summary>Resting heart rate in beats per minute.</summary>
    public double? RestingHeartRateBpm { get; init; }

    /// <summary>Lactate-threshold heart rate in beats per minute.</summary>
    public double? LactateThresholdHeartRateBpm { get; init; }

    /// <summary>Functional threshold power in watts.</summary>
    public double? FunctionalThresholdPowerWatts { get; init; }

    /// <summary>Threshold running speed in metres per second (1000 / threshold pace in seconds per kilometre).</summary>
    public double? ThresholdSpeedMetersPerSecond { get; init; }

    /// <summary>Body mass in kilograms.</summary>
    public double? BodyMassKilograms { get; init; }
}
