using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Jobs;

/// <summary>
/// Queues again the jobs a dead job server left behind, so they resume within a minute of a crash instead of
/// waiting out the storage's invisibility timeout (30 minutes on SQLite, 5 on SQL Server). A job counts as left
/// behind when it is in Processing on a server that is not alive (<see cref="JobLiveness"/>), or when its queue
/// entry was fetched long ago but it never reached Processing (the process died in between). Each move names the
/// state it expects, so a sweep on several nodes at once moves a job once. A live job is never touched, whatever
/// its length; the queue entry the dead server had fetched stays behind and <see cref="SingleRunFilter"/> keeps it
/// from starting a second copy.
/// </summary>
public sealed class OrphanedJobSweep(
    JobStorage storage,
    IBackgroundJobClient jobs,
    JobLiveness liveness,
    IOptions<JobsOptions> options,
    ILogger<OrphanedJobSweep> logger) : BackgroundService
{
    private const int PageSize = 500;

    /// <summary>Queues again every job left behind by a dead server; returns their ids.</summary>
    public IReadOnlyList<string> SweepOnce()
    {
        var monitoring = storage.GetMonitoringApi();
        // Processing first, then the servers: a server announces itself before it fetches, so a job read here
        // as processing on a server that is not in the list read after it belongs to a dead one.
        var processing = new List<KeyValuePair<string, ProcessingJobDto>>();
        for (var from = 0; ; from += PageSize)
        {
            var page = monitoring.ProcessingJobs(from, PageSize);
            processing.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }
        }

        var live = liveness.LiveServers();
        var requeued = new List<string>();
        foreach (var (jobId, job) in processing)
        {
            if (job is null || !job.InProcessingState)
            {
                continue;
            }

            // The server of the job's current state: the SQLite storage's list can name the server of an earlier
            // Processing state, so a job resumed by a live server looked orphaned and was queued again every sweep.
            var serverId = CurrentServer(jobId) ?? job.ServerId;
            if (serverId is not null && live.Contains(serverId))
            {
                continue;
            }

            if (jobs.ChangeState(jobId, new EnqueuedState(job.Job?.Queue ?? LastQueueOf(monitoring, jobId)), ProcessingState.StateName))
            {
                logger.LogWarning("Job {JobId} was running on {ServerId}, which stopped answering; queued again", jobId, serverId);
                requeued.Add(jobId);
            }
        }

        requeued.AddRange(RequeueFetchedNeverStarted(monitoring));
        return requeued;
    }

    private string? CurrentServer(string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        return state?.Name == ProcessingState.StateName && state.Data.TryGetValue("ServerId", out var server) ? server : null;
    }

    // A queue entry fetched by a process that died before moving its job to Processing stays hidden for the whole
    // invisibility timeout; the job is still Enqueued, with an Enqueued state older than the fetch.
    private List<string> RequeueFetchedNeverStarted(IMonitoringApi monitoring)
    {
        var requeued = new List<string>();
        var cutoff = DateTime.UtcNow - liveness.ServerTimeout;
        foreach (var queue in monitoring.Queues())
        {
            JobList<FetchedJobDto> fetchedJobs;
            try
            {
                fetchedJobs = monitoring.FetchedJobs(queue.Name, 0, PageSize);
            }
            catch (ArgumentException ex)
            {
                // Hangfire.Storage.SQLite (0.4) cannot list a job with two fetched entries (a stale one next to
                // the live one); such a job reached Processing, which the sweep above covers.
                logger.LogDebug(ex, "Fetched jobs of queue {Queue} could not be listed", queue.Name);
                continue;
            }

            foreach (var (jobId, job) in fetchedJobs)
            {
                if (job is null || job.State != EnqueuedState.StateName || job.FetchedAt is not { } fetched || JobLiveness.AsUtc(fetched) > cutoff)
                {
                    continue;
                }

                var enqueuedAt = monitoring.JobDetails(jobId)?.History.FirstOrDefault()?.CreatedAt;
                if (enqueuedAt is { } at && JobLiveness.AsUtc(at) > JobLiveness.AsUtc(fetched))
                {
                    continue; // queued again after that fetch: a fresh entry waits for it
                }

                if (jobs.ChangeState(jobId, new EnqueuedState(queue.Name), EnqueuedState.StateName))
                {
                    logger.LogWarning("Job {JobId} was fetched from {Queue} by a process that died before starting it; queued again", jobId, queue.Name);
                    requeued.Add(jobId);
                }
            }
        }

        return requeued;
    }

    // A job queued without an explicit queue (one named by a [Queue] attribute) goes back where it was last queued.
    private static string LastQueueOf(IMonitoringApi monitoring, string jobId) =>
        monitoring.JobDetails(jobId)?.History
            .FirstOrDefault(h => h.StateName == EnqueuedState.StateName && h.Data.ContainsKey("Queue"))?.Data["Queue"]
        ?? EnqueuedState.DefaultQueue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                SweepOnce();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The storage may be briefly unavailable (a locked SQLite file, a failover); the next sweep tries again.
                logger.LogError(ex, "Sweep for jobs of dead servers failed");
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
