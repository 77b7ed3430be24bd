using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace CoachPortal.Core.Jobs;

/// <summary>
/// Which job servers are alive and what became of a job, read through Hangfire's storage and monitoring API so the
/// same code holds for the SQLite and the SQL Server storage. A server is alive while its last heartbeat is younger
/// than <see cref="JobsOptions.ServerTimeoutSeconds"/>; a server that stopped cleanly has removed itself.
/// </summary>
public sealed class JobLiveness(JobStorage storage, TimeSpan serverTimeout)
{
    public TimeSpan ServerTimeout => serverTimeout;

    /// <summary>Names of the servers whose heartbeat is recent.</summary>
    public IReadOnlySet<string> LiveServers()
    {
        // Hangfire stamps heartbeats with DateTime.UtcNow, so they are compared with the same clock.
        var now = DateTime.UtcNow;
        return storage.GetMonitoringApi().Servers()
            .Where(s => s.Heartbeat is { } beat && now - AsUtc(beat) < serverTimeout)
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    public JobRunState StateOf(string? jobId)
    {
        if (string.IsNullOrEmpty(jobId))
        {
            return JobRunState.Gone;
        }

        StateData? state;
        using (var connection = storage.GetConnection())
        {
            state = connection.GetStateData(jobId);
        }

        var name = state?.Name;
        if (name == EnqueuedState.StateName || name == ScheduledState.StateName || name == AwaitingState.StateName)
        {
            return JobRunState.Waiting;
        }

        if (name == ProcessingState.StateName)
        {
            return state!.Data.TryGetValue("ServerId", out var server) && LiveServers().Contains(server)
                ? JobRunState.Running
                : JobRunState.Orphaned;
        }

        return JobRunState.Gone;
    }

    // Some storages hand back the stored UTC value without a kind.
    internal static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
}
