using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;

namespace CoachPortal.Core.Teams;

public class Team : IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Sport { get; set; }

    public string? Description { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>The demo team of demo mode: the only team whose athletes may be given simulated history.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public Guid Version { get; set; }

    public List<TeamCoach> Coaches { get; set; } = [];

    public List<Athlete> Athletes { get; set; } = [];
}
