namespace CoachPortal.Analytics.Workouts;

/// <summary>Either one step (<see cref="IsRepeat"/> false) or a group of steps repeated <see cref="Repeat"/> times.</summary>
public sealed record WorkoutSegment(int Repeat, bool IsRepeat, IReadOnlyList<WorkoutStepSpec> Steps);
