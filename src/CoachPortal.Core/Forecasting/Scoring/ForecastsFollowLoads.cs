using CoachPortal.Core.Data;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Load.Recompute;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>
/// Forecasts follow new data: after an athlete's loads are recomputed, queue their scoring when the team has an active
/// model. A repeated scoring run for the same loads writes nothing (see <see cref="ModelScoringJob"/>).
/// </summary>
public sealed class ForecastsFollowLoads(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs) : ILoadsRecomputedHandler
{
    public async Task OnLoadsRecomputedAsync(int athleteId, int teamId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ModelScoringJob.HasActiveVersionAsync(db, teamId, ct))
        {
            jobs.Enqueue<ModelScoringJob>(JobQueues.Default, j => j.RunForAthleteAsync(athleteId, CancellationToken.None));
        }
    }
}
