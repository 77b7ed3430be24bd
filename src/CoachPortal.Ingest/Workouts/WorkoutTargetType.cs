namespace CoachPortal.Ingest.Workouts;

/// <summary>What a step targets (FIT profile type <c>wkt_step_target</c>).</summary>
public enum WorkoutTargetType : byte
{
    /// <summary>Speed.</summary>
    Speed = 0,

    /// <summary>Heart rate.</summary>
    HeartRate = 1,

    /// <summary>No target.</summary>
    Open = 2,

    /// <summary>Cadence.</summary>
    Cadence = 3,

    /// <summary>Power.</summary>
    Power = 4,
}
