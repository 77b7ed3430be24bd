using Hangfire;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Core.Audit;

/// <summary>Registers the daily retention job at start (idempotent: every node may do it).</summary>
public sealed class AuditRetentionSchedule(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<AuditRetentionJob>(AuditRetentionJob.RecurringId, Jobs.JobQueues.Default, j => j.RunAsync(CancellationToken.None), "30 3 * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
