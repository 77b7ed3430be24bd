namespace CoachPortal.Analytics.Workouts;

/// <summary>One step of a structured workout: a duration or a distance, a role and a target.</summary>
public sealed record WorkoutStepSpec(WorkoutStepKind Kind, double? DurationSeconds, double? DistanceMeters, WorkoutTarget Target);
