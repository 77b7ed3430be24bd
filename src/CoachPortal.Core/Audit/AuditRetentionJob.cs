using Hangfire;

namespace CoachPortal.Core.Audit;

/// <summary>Daily recurring job that applies the audit retention period.</summary>
public sealed class AuditRetentionJob(AuditLog audit)
{
    public const string RecurringId = "audit-retention";

    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken ct) => audit.PurgeAsync(ct);
}
