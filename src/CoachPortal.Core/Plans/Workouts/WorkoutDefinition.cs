using CoachPortal.Core.Data;
using CoachPortal.Core.Teams;

namespace CoachPortal.Core.Plans.Workouts;

/// <summary>A library workout: shared with a team when <see cref="TeamId"/> is set, else the owning coach's own.</summary>
public class WorkoutDefinition : IVersioned
{
    public int Id { get; set; }

    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    public string OwnerUserId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Sport { get; set; } = "";

    /// <summary>The workout in the text syntax (docs/workout-syntax.md).</summary>
    public string Text { get; set; } = "";

    public string? Description { get; set; }

    public bool IsArchived { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public Guid Version { get; set; }
}
