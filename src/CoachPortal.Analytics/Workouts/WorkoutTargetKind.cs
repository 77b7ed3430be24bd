namespace CoachPortal.Analytics.Workouts;

/// <summary>What a workout step aims at.</summary>
public enum WorkoutTargetKind
{
    /// <summary>No target.</summary>
    None = 0,
    /// <summary>Heart-rate zone 1–5.</summary>
    HeartRateZone = 1,
    /// <summary>Percent of functional threshold power.</summary>
    PercentFtp = 2,
    /// <summary>Pace in seconds per kilometre.</summary>
    PaceSecondsPerKm = 3,
    /// <summary>Rating of perceived exertion 1–10.</summary>
    Rpe = 4,
}
