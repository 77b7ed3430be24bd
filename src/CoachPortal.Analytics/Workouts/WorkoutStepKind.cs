namespace CoachPortal.Analytics.Workouts;

/// <summary>The role of a step in a workout.</summary>
public enum WorkoutStepKind
{
    /// <summary>Work at the target.</summary>
    Active = 0,
    /// <summary>Warm-up.</summary>
    Warmup = 1,
    /// <summary>Cool-down.</summary>
    Cooldown = 2,
    /// <summary>Easy recovery between efforts.</summary>
    Recovery = 3,
    /// <summary>Rest: no work.</summary>
    Rest = 4,
}
