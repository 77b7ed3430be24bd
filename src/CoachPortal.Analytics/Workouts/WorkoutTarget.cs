namespace CoachPortal.Analytics.Workouts;

/// <summary>
/// A step's target: a heart-rate zone (1–5), a percentage of FTP, a pace in seconds per kilometre or an RPE (1–10).
/// <see cref="Low"/> equals <see cref="High"/> for a single value.
/// </summary>
public sealed record WorkoutTarget(WorkoutTargetKind Kind, double Low, double High)
{
    /// <summary>No target.</summary>
    public static WorkoutTarget None { get; } = new(WorkoutTargetKind.None, 0, 0);

    /// <summary>The middle of the range.</summary>
    public double Mid => (Low + High) / 2;
}
