namespace CoachPortal.Ingest.Workouts;

/// <summary>A structured workout (planned session) as FIT workout files carry it.</summary>
public sealed record Workout
{
    /// <summary>Name shown on the device.</summary>
    public string? Name { get; init; }

    /// <summary>Sport.</summary>
    public Sport Sport { get; init; }

    /// <summary>Sub-sport.</summary>
    public SubSport SubSport { get; init; }

    /// <summary>Steps in order; a repeat step refers back to an earlier step by index.</summary>
    public IReadOnlyList<WorkoutStep> Steps { get; init; } = [];
}
