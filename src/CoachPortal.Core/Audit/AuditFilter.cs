namespace CoachPortal.Core.Audit;

/// <summary>What the admin's audit page asks for: an action, a user's e-mail or part of it, a period.</summary>
public sealed record AuditFilter(string? Action = null, string? User = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int Take = 200);
