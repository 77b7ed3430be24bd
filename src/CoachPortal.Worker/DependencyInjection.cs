using CoachPortal.Core;
using CoachPortal.Core.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Worker;

public static class DependencyInjection
{
    /// <summary>Core with a job server that serves exactly the worker's queues (section <c>Worker</c>), and no web.</summary>
    public static IHostApplicationBuilder AddCoachPortalWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCoachPortalCore(JobServerOf(builder.Configuration));
    }

    /// <summary>The worker's job server as configured; fails at start with the key when a queue is unknown.</summary>
    public static JobServerSettings JobServerOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Read as given: binding appends configured entries to the option's default array instead of replacing it.
        var queues = configuration.GetSection($"{WorkerOptions.SectionName}:{nameof(WorkerOptions.Queues)}").Get<string[]>() is { Length: > 0 } q
            ? q
            : new WorkerOptions().Queues;
        var workerCount = configuration.GetValue<int?>($"{WorkerOptions.SectionName}:{nameof(WorkerOptions.WorkerCount)}")
            ?? configuration.GetValue<int?>($"{JobsOptions.SectionName}:{nameof(JobsOptions.WorkerCount)}")
            ?? JobServerSettings.DefaultWorkerCount;
        try
        {
            return new JobServerSettings(queues, workerCount);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{WorkerOptions.SectionName}: {ex.Message}", ex);
        }
    }
}
