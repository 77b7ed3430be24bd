namespace CoachPortal.Core.Plans.Workouts;

/// <summary>A library workout as pages show it.</summary>
public sealed record WorkoutView(int Id, int? TeamId, string Name, string Sport, string Text, string? Description, bool IsArchived, Guid Version);
