using CoachPortal.Core.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Worker;

public static class DependencyInjection
{
    /// <summary>
    /// Points the Core job server at the worker's queues. Configuration arrays merge by index, so the entries of the
    /// shared Jobs:Queues beyond the worker's own are blanked (the Core server skips blank names).
    /// </summary>
    public static IHostApplicationBuilder AddCoachPortalWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var queues = builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.Queues is { Length: > 0 } q ? q : new WorkerOptions().Queues;
        var unknown = queues.Except(JobQueues.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Worker:Queues names unknown queues: {string.Join(", ", unknown)} (known: {string.Join(", ", JobQueues.All)}).");
        }

        var existing = builder.Configuration.GetSection($"{JobsOptions.SectionName}:Queues").GetChildren().Count();
        var overrides = new Dictionary<string, string?> { [$"{JobsOptions.SectionName}:RunServer"] = "true" };
        for (var i = 0; i < Math.Max(existing, queues.Length); i++)
        {
            overrides[$"{JobsOptions.SectionName}:Queues:{i}"] = i < queues.Length ? queues[i] : "";
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }
}
