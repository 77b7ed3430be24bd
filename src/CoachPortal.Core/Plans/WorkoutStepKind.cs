namespace CoachPortal.Core.Plans;

/// <summary>The role of a step in a workout.</summary>
public enum WorkoutStepKind
{
    Active = 0,
    Warmup = 1,
    Cooldown = 2,
    Recovery = 3,
    Rest = 4,
}
