using CoachPortal.Core.Jobs;

namespace CoachPortal.Worker;

/// <summary>What this worker serves. Section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>
    /// Queues this worker serves (default: gpu), and only these: Jobs:Queues of the shared appsettings.json describes
    /// the web app's own server. Give e.g. <c>--Worker:Queues:0=gpu --Worker:Queues:1=import</c> to serve more.
    /// </summary>
    public string[] Queues { get; set; } = [JobQueues.Gpu];

    /// <summary>
    /// Concurrent jobs (default: Jobs:WorkerCount, else the processor count, at least 2). Training a model takes
    /// a whole GPU: on a one-GPU node, 1 keeps two trainings from sharing it.
    /// </summary>
    public int? WorkerCount { get; set; }
}
