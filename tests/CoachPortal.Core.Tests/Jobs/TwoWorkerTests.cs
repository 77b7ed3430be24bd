using System.Collections.Concurrent;
using CoachPortal.Core.Teams.Roster;
using CoachPortal.Core.Tests.Support;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Jobs;

/// <summary>
/// Scale-out on one job storage: the portal's own job server and a second server (as a second worker machine would
/// run) share the SQLite job storage. Each job runs once on one of them, and the jobs of a worker that stops are
/// finished by the other.
/// </summary>
public sealed class TwoWorkerTests : IAsyncLifetime, IDisposable
{
    private const string SecondName = "second-worker";

    private readonly PortalTestHost _world = new();
    private BackgroundJobServer? _second;

    public async Task InitializeAsync()
    {
        _world.Settings["Jobs:RunServer"] = "true";
        _world.Settings["Jobs:Queues:0"] = "import";
        _world.Settings["Jobs:WorkerCount"] = "2";
        _world.Settings["Jobs:HeartbeatSeconds"] = "1";
        _world.Settings["Jobs:ServerTimeoutSeconds"] = "5";
        _world.Settings["Jobs:SweepIntervalSeconds"] = "1";
        await _world.InitializeAsync();
        _second = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = SecondName,
                Queues = ["import"],
                WorkerCount = 2,
                HeartbeatInterval = TimeSpan.FromSeconds(1),
                ServerTimeout = TimeSpan.FromSeconds(5),
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                ShutdownTimeout = TimeSpan.FromSeconds(5),
                Activator = _world.Services.GetRequiredService<JobActivator>(),
            },
            Storage);
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _world.DisposeAsync();
    }

    public void Dispose()
    {
        _second?.Dispose();
        _second = null;
    }

    private JobStorage Storage => _world.Services.GetRequiredService<JobStorage>();

    [Fact]
    public async Task EachJobRunsExactlyOnceAndBothWorkersTakeTheirShare()
    {
        var jobs = _world.Services.GetRequiredService<IBackgroundJobClient>();
        var keys = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        var ids = keys.Select(k => jobs.Enqueue<WorkerProbeJob>("import", j => j.Run(k, 300, null, CancellationToken.None))).ToList();
        var imports = _world.Get<RosterImportService>();
        var importIds = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            importIds.Add(await imports.StartAsync(_world.CoachA, _world.TeamA, $"r{i}.csv", $"first_name,last_name\nScale{i},One\nScale{i},Two\n"));
        }

        await WaitForAsync(() => ids.All(id => StateOf(id) == SucceededState.StateName), TimeSpan.FromSeconds(90));
        foreach (var importId in importIds)
        {
            RosterImportView view;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                await Task.Delay(200);
                view = await imports.GetAsync(_world.CoachA, importId);
            }
            while (!view.IsFinished && DateTime.UtcNow < deadline);

            Assert.Equal(RosterImportStatus.Succeeded, view.Status);
            Assert.Equal(2, view.CreatedCount);
        }

        Assert.All(keys, k => Assert.Equal(1, WorkerProbeJob.Starts(k)));
        await using var db = _world.CreateDb();
        Assert.Equal(12, db.Athletes.Count(a => a.FirstName.StartsWith("Scale")));
        var servers = ids.Select(ServerOf).Distinct().ToList();
        Assert.Contains(servers, s => s.StartsWith(SecondName, StringComparison.Ordinal));
        Assert.Contains(servers, s => !s.StartsWith(SecondName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStoppedWorkersJobsAreFinishedByTheOther()
    {
        var jobs = _world.Services.GetRequiredService<IBackgroundJobClient>();
        var keys = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        // On the second worker the probe waits until that worker stops; on the portal's it takes a second.
        var ids = keys.Select(k => jobs.Enqueue<WorkerProbeJob>("import", j => j.Run(k, -1, null, CancellationToken.None))).ToList();
        await WaitForAsync(() => keys.Any(k => WorkerProbeJob.StartedOnSecond(k)), TimeSpan.FromSeconds(60));
        var heldBySecond = keys.Where(WorkerProbeJob.StartedOnSecond).ToList();

        _second!.Dispose();
        _second = null;

        await WaitForAsync(() => ids.All(id => StateOf(id) == SucceededState.StateName), TimeSpan.FromSeconds(90));
        Assert.NotEmpty(heldBySecond);
        Assert.All(keys.Select((k, i) => (k, i)), p => Assert.True(WorkerProbeJob.Finishes(p.k) == 1, $"{WorkerProbeJob.Finishes(p.k)} finishes: {History(ids[p.i])}"));
        Assert.All(heldBySecond, k => Assert.False(WorkerProbeJob.FinishedOnSecond(k)));
    }

    private string? StateOf(string jobId)
    {
        using var connection = Storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private string History(string jobId) => string.Join(" <- ", Storage.GetMonitoringApi().JobDetails(jobId).History
        .Select(h => $"{h.StateName} {h.CreatedAt:HH:mm:ss.fff} {(h.Data.TryGetValue("ServerId", out var s) ? s : "")} {(h.Data.TryGetValue("WorkerId", out var w) ? w : "")} {h.Reason}"));

    private string ServerOf(string jobId) =>
        Storage.GetMonitoringApi().JobDetails(jobId).History.First(h => h.StateName == ProcessingState.StateName).Data["ServerId"];

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the jobs.");
            await Task.Delay(200);
        }
    }
}

/// <summary>Records per key where it started and finished. With a negative duration it holds on the second worker until that worker stops.</summary>
public sealed class WorkerProbeJob
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_starts = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_finishes = new();

    public static int Starts(string key) => s_starts.GetValueOrDefault(key)?.Count ?? 0;

    public static int Finishes(string key) => s_finishes.GetValueOrDefault(key)?.Count ?? 0;

    public static bool StartedOnSecond(string key) => s_starts.GetValueOrDefault(key)?.Any(IsSecond) == true;

    public static bool FinishedOnSecond(string key) => s_finishes.GetValueOrDefault(key)?.Any(IsSecond) == true;

    public void Run(string key, int milliseconds, PerformContext? context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var server = context.Connection.GetStateData(context.BackgroundJob.Id)?.Data["ServerId"] ?? "";
        s_starts.GetOrAdd(key, _ => new()).Enqueue(server);
        if (milliseconds < 0)
        {
            if (IsSecond(server))
            {
                // Throws when the worker stops; Hangfire puts the job back in its queue.
                Task.Delay(Timeout.Infinite, ct).GetAwaiter().GetResult();
            }

            milliseconds = 1000;
        }

        Thread.Sleep(milliseconds);
        s_finishes.GetOrAdd(key, _ => new()).Enqueue(server);
    }

    private static bool IsSecond(string server) => server.StartsWith("second-worker", StringComparison.Ordinal);
}
