namespace CoachPortal.Core.Plans.Workouts;

/// <summary>What a coach enters for a library workout; <see cref="TeamId"/> null keeps it in their own library.</summary>
public sealed record WorkoutInput(string Name, string Sport, string Text, string? Description = null, int? TeamId = null);
