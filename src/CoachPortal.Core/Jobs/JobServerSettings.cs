namespace CoachPortal.Core.Jobs;

/// <summary>
/// The job server a host runs: the queues it serves, in the order it takes from them, and how many jobs it runs at
/// once. The web app takes them from <see cref="JobsOptions"/>; the worker from its own section.
/// </summary>
public sealed record JobServerSettings
{
    /// <summary>Throws when <paramref name="queues"/> is empty or names a queue not in <see cref="JobQueues.All"/>.</summary>
    public JobServerSettings(IEnumerable<string> queues, int workerCount)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentOutOfRangeException.ThrowIfLessThan(workerCount, 1);
        var names = queues.Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length == 0)
        {
            throw new ArgumentException("A job server needs at least one queue.", nameof(queues));
        }

        var unknown = names.Except(JobQueues.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown job queues: {string.Join(", ", unknown)} (known: {string.Join(", ", JobQueues.All)}).", nameof(queues));
        }

        Queues = names;
        WorkerCount = workerCount;
    }

    public IReadOnlyList<string> Queues { get; }

    public int WorkerCount { get; }

    /// <summary>Concurrent jobs when none is configured: the processor count, at least 2.</summary>
    public static int DefaultWorkerCount => Math.Max(2, Environment.ProcessorCount);
}
