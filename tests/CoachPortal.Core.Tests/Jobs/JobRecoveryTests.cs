using System.Collections.Concurrent;
using System.Diagnostics;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Tests.Support;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Jobs;

/// <summary>
/// A real Hangfire server on the SQLite job storage, with a short server timeout: jobs of a dead server are queued
/// again by the sweep, and a job still running on a live server is never run a second time.
/// </summary>
public sealed class JobRecoveryTests(JobRecoveryTests.World fixture) : IClassFixture<JobRecoveryTests.World>
{
    private const int ServerTimeoutSeconds = 5;

    /// <summary>One host per class: Hangfire's static configuration outlives a disposed host.</summary>
    public sealed class World : IAsyncLifetime
    {
        public PortalTestHost Host { get; } = new();

        public async Task InitializeAsync()
        {
            Host.Settings["Jobs:RunServer"] = "true";
            Host.Settings["Jobs:Queues:0"] = "import";
            Host.Settings["Jobs:WorkerCount"] = "3";
            Host.Settings["Jobs:HeartbeatSeconds"] = "1";
            Host.Settings["Jobs:ServerTimeoutSeconds"] = ServerTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Host.Settings["Jobs:SweepIntervalSeconds"] = "1";
            await Host.InitializeAsync();
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    private JobStorage Storage => fixture.Host.Services.GetRequiredService<JobStorage>();

    [Fact]
    public async Task AJobOfAServerThatStoppedBeatingRunsAgainOnceItsTimeoutHasPassed()
    {
        var dead = new DeadServer(Storage);
        dead.Announce("import");
        var key = Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        var jobId = dead.Orphan(Job.FromExpression<CountingJob>(j => j.Run(key, 0), "import"));

        await WaitForAsync(() => CountingJob.Runs(key) > 0, TimeSpan.FromSeconds(60));

        // Not before the server timed out: until then it might have been alive and running the job.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(ServerTimeoutSeconds - 1), $"ran after {clock.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"ran after {clock.Elapsed}");
        await WaitForAsync(() => StateOf(jobId) == SucceededState.StateName, TimeSpan.FromSeconds(10));
        Assert.Equal(1, CountingJob.Runs(key));
    }

    [Fact]
    public async Task AJobOfAServerThatIsGoneRunsAgainWithinAMinute()
    {
        var dead = new DeadServer(Storage);
        var key = Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        dead.Orphan(Job.FromExpression<CountingJob>(j => j.Run(key, 0), "import"));

        await WaitForAsync(() => CountingJob.Runs(key) > 0, TimeSpan.FromSeconds(60));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"ran after {clock.Elapsed}");
        Assert.Equal(1, CountingJob.Runs(key));
    }

    [Fact]
    public async Task ALongJobOnALiveServerIsNeitherSweptNorStartedASecondTimeByAStaleQueueEntry()
    {
        var key = Guid.NewGuid().ToString("N");
        var jobId = fixture.Host.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<CountingJob>("import", j => j.Run(key, 8000));
        await WaitForAsync(() => CountingJob.Runs(key) > 0, TimeSpan.FromSeconds(30));

        // The entry a dead server had fetched, or one past the storage's invisibility timeout, shows up again.
        using (var connection = Storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddToQueue("import", jobId);
            transaction.Commit();
        }

        // Well past the server timeout, with the sweep running every second, while the job still runs.
        await Task.Delay(TimeSpan.FromSeconds(ServerTimeoutSeconds + 2));
        Assert.Empty(fixture.Host.Services.GetRequiredService<OrphanedJobSweep>().SweepOnce());
        await WaitForAsync(() => StateOf(jobId) == SucceededState.StateName && CountingJob.Finished(key) > 0, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(1, CountingJob.Runs(key));
        Assert.Equal(SucceededState.StateName, StateOf(jobId));
    }

    [Fact]
    public async Task JobsFetchedByAProcessThatDiedBeforeStartingThemAreQueuedAgainOnceAfterTheServerTimeout()
    {
        // No server of this host takes this queue, so only the dead process below ever fetches its entries.
        const string queue = "stranded";
        var client = new BackgroundJobClient(Storage);
        var key = Guid.NewGuid().ToString("N");
        var single = client.Create(Job.FromExpression<CountingJob>(j => j.Run(key, 0), queue), new EnqueuedState(queue));
        var doubled = client.Create(Job.FromExpression<CountingJob>(j => j.Run(key, 1), queue), new EnqueuedState(queue));
        using (var connection = Storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddToQueue(queue, doubled); // a job with two entries, as a re-upload of a stuck file leaves it
            transaction.Commit();
        }

        var clock = Stopwatch.StartNew();
        using var dying = Storage.GetConnection();
        var taken = Enumerable.Range(0, 3).Select(_ => dying.FetchNextJob([queue], CancellationToken.None)).ToList();

        await WaitForAsync(() => EnqueuedTimes(single) == 2 && EnqueuedTimes(doubled) == 2, TimeSpan.FromSeconds(60));

        // Not before the server timeout: until then the fetching process might have been alive and about to start them.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(ServerTimeoutSeconds - 1), $"queued again after {clock.Elapsed}");
        var waiting = Storage.GetMonitoringApi().EnqueuedJobs(queue, 0, 100).Select(j => j.Key).ToList();
        Assert.Contains(single, waiting);
        Assert.Contains(doubled, waiting);

        // A job with an entry waiting to be fetched is not queued once more, however long it waits.
        await Task.Delay(TimeSpan.FromSeconds(ServerTimeoutSeconds + 2));
        Assert.Equal(2, EnqueuedTimes(single));
        Assert.Equal(2, EnqueuedTimes(doubled));
        GC.KeepAlive(taken);
    }

    private int EnqueuedTimes(string jobId) =>
        Storage.GetMonitoringApi().JobDetails(jobId)?.History.Count(h => h.StateName == EnqueuedState.StateName) ?? 0;

    private string? StateOf(string jobId)
    {
        using var connection = Storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the job.");
            await Task.Delay(100);
        }
    }
}

/// <summary>A job that counts how often it starts and finishes, per key.</summary>
public sealed class CountingJob
{
    private static readonly ConcurrentDictionary<string, int> s_runs = new();
    private static readonly ConcurrentDictionary<string, int> s_finished = new();

    public static int Runs(string key) => s_runs.GetValueOrDefault(key);

    public static int Finished(string key) => s_finished.GetValueOrDefault(key);

    public void Run(string key, int milliseconds)
    {
        s_runs.AddOrUpdate(key, 1, (_, n) => n + 1);
        Thread.Sleep(milliseconds);
        s_finished.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}
