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
}
