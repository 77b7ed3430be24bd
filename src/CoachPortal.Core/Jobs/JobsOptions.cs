using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Jobs;

/// <summary>The background job server of this process. Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a job server in this process (default true). A web node behind a worker pool may turn it off.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Queues this process serves (default: default, import, gpu). A web node next to GPU workers should drop
    /// "gpu" so training never competes with page rendering.
    /// </summary>
    [MinLength(1)]
    public string[] Queues { get; set; } = [.. JobQueues.All];

    /// <summary>Concurrent jobs (default: processor count, at least 2).</summary>
    [Range(1, 1024)]
    public int? WorkerCount { get; set; }

    /// <summary>How often idle workers look for new jobs, in milliseconds (default 500; lower means faster pick-up and more queries).</summary>
    [Range(50, 600_000)]
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// How often a job server reports that it is alive, in seconds (default 5). Each report is one write to the job
    /// storage per server.
    /// </summary>
    [Range(1, 300)]
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>
    /// After how many seconds without a heartbeat a job server counts as dead (default 30): its jobs in Processing are
    /// queued again by <see cref="OrphanedJobSweep"/>. Keep it well above the heartbeat and any clock skew between
    /// nodes; a live server taken for dead would see its running jobs started a second time elsewhere (the
    /// <see cref="SingleRunFilter"/> then holds the copy back until the first ends).
    /// </summary>
    [Range(5, 3600)]
    public int ServerTimeoutSeconds { get; set; } = 30;

    /// <summary>How often each job server looks for jobs left behind by a dead server, in seconds (default 10).</summary>
    [Range(1, 3600)]
    public int SweepIntervalSeconds { get; set; } = 10;
}
