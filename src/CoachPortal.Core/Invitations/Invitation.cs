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

    /// <summary>
    /// How many e-mails were asked for (0 for a link the coach hands out). Each send job carries its number, so a
    /// job enqueued twice, or retried after its message went out, sends nothing more.
    /// </summary>
    public int SendsRequested { get; set; }

    /// <summary>The number of the last send whose message went out.</summary>
    public int SendsCompleted { get; set; }

    /// <summary>When the last e-mail went out.</summary>
    public DateTime? SentUtc { get; set; }
}
