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

    private readonly Lock _gate = new();
    private Dictionary<string, Sighting> _sightings = new(StringComparer.Ordinal);

    /// <summary>Queues again every job left behind by a dead server; returns their ids.</summary>
    public IReadOnlyList<string> SweepOnce()
    {
        lock (_gate)
        {
            return Sweep();
        }
    }

    private List<string> Sweep()
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

        // The server of each job's current state, read before the servers too: the SQLite storage's list can name
        // the server of another job's Processing state, so a job resumed by a live server looked orphaned.
        var servers = processing
            .Where(p => p.Value is { InProcessingState: true })
            .Select(p => (JobId: p.Key, Job: p.Value, ServerId: CurrentServer(p.Key) ?? p.Value.ServerId))
            .ToList();
        var live = liveness.LiveServers();
        var requeued = new List<string>();
        foreach (var (jobId, job, serverId) in servers)
        {
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
    // invisibility timeout while its job stays Enqueued. A live worker moves a fetched job to Processing at once, so
    // a job seen Enqueued, with its entries all fetched, for longer than the server timeout was fetched by a process
    // that is gone. The storage does not say when an entry was fetched (the SQLite one never does), hence the
    // sighting is remembered from sweep to sweep, keyed by the job's Enqueued state so a fresh queueing starts over.
    private List<string> RequeueFetchedNeverStarted(IMonitoringApi monitoring)
    {
        var requeued = new List<string>();
        var now = DateTime.UtcNow;
        var sightings = new Dictionary<string, Sighting>(StringComparer.Ordinal);
        foreach (var queue in monitoring.Queues().Select(q => q.Name))
        {
            var entries = QueueEntries.Of(storage, monitoring, queue);
            foreach (var jobId in entries.Fetched.Except(entries.Waiting))
            {
                var current = monitoring.JobDetails(jobId)?.History.FirstOrDefault();
                if (current is null || current.StateName != EnqueuedState.StateName)
                {
                    continue; // running or finished: a stale entry that the worker fetching it will drop
                }

                var sighting = new Sighting(JobLiveness.AsUtc(current.CreatedAt), now);
                if (_sightings.TryGetValue(jobId, out var earlier) && earlier.EnqueuedAt == sighting.EnqueuedAt)
                {
                    sighting = earlier;
                }

                if (now - sighting.FirstSeen < liveness.ServerTimeout)
                {
                    sightings[jobId] = sighting;
                }
                else if (jobs.ChangeState(jobId, new EnqueuedState(queue), EnqueuedState.StateName))
                {
                    logger.LogWarning("Job {JobId} was fetched from {Queue} by a process that died before starting it; queued again", jobId, queue);
                    requeued.Add(jobId);
                }
            }
        }

        _sightings = sightings;
        return requeued;
    }

    private sealed record Sighting(DateTime EnqueuedAt, DateTime FirstSeen);

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
