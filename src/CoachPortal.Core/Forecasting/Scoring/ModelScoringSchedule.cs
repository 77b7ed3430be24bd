using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>Registers the nightly scoring job at start (idempotent: every node may do it).</summary>
public sealed class ModelScoringSchedule(IRecurringJobManager recurring, IOptions<ModelsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ModelScoringJob>(ModelScoringJob.RecurringJobId, Jobs.JobQueues.Default, j => j.RunAsync(CancellationToken.None), options.Value.ScoringCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
