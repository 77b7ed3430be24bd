using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace CoachPortal.Core.Tests.Support;

/// <summary>
/// Leaves jobs as a job server that was killed leaves them: in Processing on that server, their queue entry
/// fetched and hidden. The server may have announced itself (and then stops beating), or be long gone.
/// </summary>
public sealed class DeadServer(JobStorage storage)
{
    public string Name { get; } = $"dead-node:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Registers the server with a heartbeat of now, which it never renews.</summary>
    public void Announce(params string[] queues)
    {
        using var connection = storage.GetConnection();
        connection.AnnounceServer(Name, new Hangfire.Server.ServerContext { Queues = queues, WorkerCount = 1 });
    }

    /// <summary>A job of <paramref name="job"/> that this server had fetched and was running when it died.</summary>
    public string Orphan(Job job)
    {
        // Created scheduled far ahead: no queue entry anyone could fetch, like the entry the dead server holds.
        var client = new BackgroundJobClient(storage);
        var jobId = client.Create(job, new ScheduledState(TimeSpan.FromDays(1)));
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetJobState(jobId, new DeadProcessing(Name));
        transaction.Commit();
        return jobId;
    }

    private sealed class DeadProcessing(string serverId) : IState
    {
        public string Name => ProcessingState.StateName;

        public string Reason => "Fetched by a server that was then killed";

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new()
        {
            ["StartedAt"] = JobHelper.SerializeDateTime(DateTime.UtcNow),
            ["ServerId"] = serverId,
            ["WorkerId"] = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture),
        };
    }
}
