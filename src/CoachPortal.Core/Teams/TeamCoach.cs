using CoachPortal.Core.Data;

namespace CoachPortal.Core.Teams;

public class TeamCoach
{
    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }
}
