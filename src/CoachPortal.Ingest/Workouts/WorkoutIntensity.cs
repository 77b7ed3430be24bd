namespace CoachPortal.Ingest.Workouts;

/// <summary>Intensity class of a step (FIT profile type <c>intensity</c>).</summary>
public enum WorkoutIntensity : byte
{
    /// <summary>Work.</summary>
    Active = 0,

    /// <summary>Rest.</summary>
    Rest = 1,

    /// <summary>Warm-up.</summary>
    Warmup = 2,

    /// <summary>Cool-down.</summary>
    Cooldown = 3,

    /// <summary>Recovery.</summary>
    Recovery = 4,

    /// <summary>Interval.</summary>
    Interval = 5,
}
