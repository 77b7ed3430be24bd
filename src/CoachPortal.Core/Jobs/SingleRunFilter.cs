using Hangfire.Server;
using Hangfire.States;

namespace CoachPortal.Core.Jobs;

/// <summary>
/// Keeps a job from running twice at once. A job reaches a second worker while the first still runs it when a stale
/// queue entry becomes visible again: the entry a dead server had fetched, after <see cref="OrphanedJobSweep"/>
/// queued the job anew, or any entry of a job that outlives the storage's invisibility timeout. Hangfire then moves
/// the job from Processing to Processing. This filter sees that in the job's history: while an earlier Processing
/// state belongs to a live server, the copy waits; when that run ends, the copy is cancelled (the job's own state
/// stands); when that server dies instead, the copy is the recovery and runs.
/// </summary>
public sealed class SingleRunFilter(TimeSpan serverTimeout, TimeSpan pollInterval) : IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var jobId = context.BackgroundJob.Id;
        var monitoring = context.Storage.GetMonitoringApi();
        var history = monitoring.JobDetails(jobId)?.History;
        if (history is not { Count: > 1 } || history[0].StateName != ProcessingState.StateName)
        {
            return;
        }

        // The Processing states right before this run's own (history is newest first). One on this very worker
        // ended before this run began, since a worker runs one job at a time.
        var own = Worker(history[0].Data);
        var earlier = history.Skip(1).TakeWhile(h => h.StateName == ProcessingState.StateName)
            .Select(h => Worker(h.Data))
            .Where(w => w.ServerId is not null && w != own)
            .Select(w => w.ServerId!)
            .ToList();
        if (earlier.Count == 0)
        {
            return;
        }

        var liveness = new JobLiveness(context.Storage, serverTimeout);
        var shutdown = context.CancellationToken.ShutdownToken;
        while (true)
        {
            var live = liveness.LiveServers();
            if (!earlier.Any(live.Contains))
            {
                return; // the earlier run died with its server: this one resumes the job
            }

            using (var connection = context.Storage.GetConnection())
            {
                if (connection.GetStateData(jobId)?.Name != ProcessingState.StateName)
                {
                    context.Canceled = true; // the earlier run ended; its outcome is the job's
                    return;
                }
            }

            shutdown.WaitHandle.WaitOne(pollInterval);
            shutdown.ThrowIfCancellationRequested();
        }
    }

    public void OnPerformed(PerformedContext context)
    {
    }

    private static (string? ServerId, string? WorkerId) Worker(IDictionary<string, string> data) =>
        (data.TryGetValue("ServerId", out var server) ? server : null, data.TryGetValue("WorkerId", out var worker) ? worker : null);
}
