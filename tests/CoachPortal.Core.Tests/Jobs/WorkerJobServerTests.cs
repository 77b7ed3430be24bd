using CoachPortal.Core.Jobs;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Worker;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CoreRegistration = CoachPortal.Core.DependencyInjection;
using WorkerRegistration = CoachPortal.Worker.DependencyInjection;

namespace CoachPortal.Core.Tests.Jobs;

/// <summary>The worker host runs one job server that serves exactly the queues and worker count it was given.</summary>
public sealed class WorkerJobServerTests : IAsyncLifetime
{
    private readonly PortalTestHost _world = new() { Compose = builder => builder.AddCoachPortalWorker() };

    public async Task InitializeAsync()
    {
        // The shared file lists three queues for the web app (and this host turns the web app's server off):
        // the worker serves its own one, with its own worker count, all the same.
        _world.Settings["Worker:Queues:0"] = JobQueues.Import;
        _world.Settings["Worker:WorkerCount"] = "3";
        await _world.InitializeAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AWorkerServesExactlyTheQueuesItWasGiven()
    {
        var server = await RunningServerAsync(_world.Services.GetRequiredService<JobStorage>());

        Assert.Equal([JobQueues.Import], server.Queues);
        Assert.Equal(3, server.WorkersCount);
        Assert.Equal([JobQueues.Import], _world.Services.GetRequiredService<JobServerSettings>().Queues);
    }

    [Fact]
    public void AWorkerWithoutQueuesServesTheGpuQueueOnly()
    {
        var settings = WorkerRegistration.JobServerOf(Configuration(new() { ["Jobs:Queues:0"] = "default", ["Jobs:Queues:1"] = "import" }));

        Assert.Equal([JobQueues.Gpu], settings.Queues);
        Assert.True(settings.WorkerCount >= 2);
    }

    [Fact]
    public void AWorkerTakesTheSharedWorkerCountWhenItHasNoneOfItsOwn()
    {
        var settings = WorkerRegistration.JobServerOf(Configuration(new() { ["Jobs:WorkerCount"] = "5", ["Worker:Queues:0"] = "gpu", ["Worker:Queues:1"] = "import" }));

        Assert.Equal([JobQueues.Gpu, JobQueues.Import], settings.Queues);
        Assert.Equal(5, settings.WorkerCount);
    }

    [Fact]
    public void AnUnknownWorkerQueueFailsWithTheSectionAndTheName()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => WorkerRegistration.JobServerOf(Configuration(new() { ["Worker:Queues:0"] = "cuda" })));

        Assert.Contains("Worker", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cuda", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWebAppsServerFollowsTheJobsSection()
    {
        Assert.Null(CoreRegistration.JobServerFromConfiguration(Configuration(new() { ["Jobs:RunServer"] = "false" })));

        var settings = CoreRegistration.JobServerFromConfiguration(Configuration(new()
        {
            ["Jobs:Queues:0"] = "default",
            ["Jobs:Queues:1"] = "import",
            ["Jobs:Queues:2"] = "",
            ["Jobs:WorkerCount"] = "4",
        }))!;

        Assert.Equal([JobQueues.Default, JobQueues.Import], settings.Queues);
        Assert.Equal(4, settings.WorkerCount);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static async Task<ServerDto> RunningServerAsync(JobStorage storage)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var servers = storage.GetMonitoringApi().Servers();
            if (servers.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(servers);
            }

            await Task.Delay(100);
        }
    }
}
