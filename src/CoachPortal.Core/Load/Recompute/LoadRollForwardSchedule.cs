using CoachPortal.Core.Jobs;
using Hangfire;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Core.Load.Recompute;

/// <summary>
/// Registers the daily job that extends every athlete's loads to the new day, so the board's "today" exists even
/// without a new session (idempotent: every node may do it).
/// </summary>
public sealed class LoadRollForwardSchedule(IRecurringJobManager recurring) : IHostedService
{
    public const string RecurringJobId = "daily-loads-roll-forward";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Hourly, since "midnight" differs by team time zone; athletes already current are skipped.
        recurring.AddOrUpdate<LoadRecomputeScheduler>(RecurringJobId, JobQueues.Default, s => s.RollForwardAllAsync(CancellationToken.None), Cron.Hourly(5));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
