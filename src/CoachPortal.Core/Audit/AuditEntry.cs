namespace CoachPortal.Core.Audit;

/// <summary>One line of the append-only audit trail: who did what to what, when and from where.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The acting user; null for the system (jobs, retention) or an unknown account.</summary>
    public string? UserId { get; set; }

    /// <summary>The acting user's e-mail as it was then, so the line stays readable after the account is gone.</summary>
    public string? UserEmail { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What was acted on, e.g. "athlete 12" or "model version 7".</summary>
    public string? Target { get; set; }

    /// <summary>Plain-language detail; never a password, token or health value.</summary>
    public string? Detail { get; set; }

    /// <summary>The client address the request came from, when there was a request.</summary>
    public string? Address { get; set; }
}
