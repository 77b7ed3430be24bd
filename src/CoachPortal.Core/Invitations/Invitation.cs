using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Invitations;

/// <summary>An invitation for an athlete to open an account. Only the SHA-256 of the token is stored.</summary>
public class Invitation
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public string TokenHash { get; set; } = "";

    public string Email { get; set; } = "";

    public string CreatedByUserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? AcceptedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
