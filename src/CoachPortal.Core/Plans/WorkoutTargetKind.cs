namespace CoachPortal.Core.Plans;

/// <summary>What a workout step aims at.</summary>
public enum WorkoutTargetKind
{
    None = 0,
    HeartRateZone = 1,
    PercentFtp = 2,
    PaceSecondsPerKm = 3,
    Rpe = 4,
}
