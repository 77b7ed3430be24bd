using CoachPortal.Analytics.Load;
using CoachPortal.Core.Data;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Load.Recompute;

/// <summary>
/// The one entry point for "an athlete's loads changed": marks the athlete's dates from the given day on as stale
/// and queues <see cref="LoadRecomputeJob"/>. Call it after sessions are imported, edited or deleted, and after an
/// RPE changes.
/// </summary>
public sealed class LoadRecomputeScheduler(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, TimeProvider clock)
    : ISessionsChangedHandler
{
    /// <summary>Sessions changed from a UTC date on: the athlete's local day of a session is never before its UTC day minus one.</summary>
    public void OnSessionsChanged(int athleteId, DateOnly fromUtcDate) => Schedule(athleteId, fromUtcDate.AddDays(-1));

    /// <summary>Recompute the athlete from <paramref name="fromLocalDate"/> (the athlete's local day) on.</summary>
    public async Task ScheduleAsync(int athleteId, DateOnly fromLocalDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MarkDirtyAsync(db, athleteId, fromLocalDate, ct);
        jobs.Enqueue<LoadRecomputeJob>(JobQueues.Default, j => j.RunAsync(athleteId, CancellationToken.None));
    }

    /// <summary>
    /// Synchronous form of <see cref="ScheduleAsync(int, DateOnly, CancellationToken)"/> for callers that cannot await
    /// (a notification hook); two short statements, safe under any synchronization context.
    /// </summary>
    public void Schedule(int athleteId, DateOnly fromLocalDate)
    {
        using var db = dbFactory.CreateDbContext();
        var updated = db.LoadRecomputeStates.Where(s => s.AthleteId == athleteId).ExecuteUpdate(s => s
            .SetProperty(x => x.DirtyFromDate, x => x.DirtyFromDate == null || x.DirtyFromDate > fromLocalDate ? fromLocalDate : x.DirtyFromDate)
            .SetProperty(x => x.Generation, x => x.Generation + 1));
        if (updated == 0)
        {
            db.LoadRecomputeStates.Add(new LoadRecomputeState { AthleteId = athleteId, DirtyFromDate = fromLocalDate, Generation = 1 });
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                Schedule(athleteId, fromLocalDate);
                return;
            }
        }

        jobs.Enqueue<LoadRecomputeJob>(JobQueues.Default, j => j.RunAsync(athleteId, CancellationToken.None));
    }

    /// <summary>
    /// Recompute the athlete from the local day of a session that starts at <paramref name="sessionStartUtc"/>. The
    /// local day is never before the UTC day minus one (no zone is behind UTC−12), so that day is a safe start.
    /// </summary>
    public Task ScheduleAsync(int athleteId, DateTime sessionStartUtc, CancellationToken ct = default) =>
        ScheduleAsync(athleteId, DateOnly.FromDateTime(sessionStartUtc).AddDays(-1), ct);

    /// <summary>Recompute the athlete's whole history (e.g. after the team's load settings changed).</summary>
    public Task ScheduleFullAsync(int athleteId, CancellationToken ct = default) => ScheduleAsync(athleteId, DateOnly.MinValue, ct);

    /// <summary>Recompute every athlete of a team in full.</summary>
    public async Task ScheduleTeamAsync(int teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athleteIds = await db.Athletes.Where(a => a.TeamId == teamId).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in athleteIds)
        {
            await ScheduleFullAsync(id, ct);
        }
    }

    /// <summary>Queues a recompute from the day after the last stored row for every athlete whose rows end before their today.</summary>
    public async Task RollForwardAllAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zones = (await db.TeamLoadSettings.AsNoTracking().Select(s => new { s.TeamId, s.TimeZoneId }).ToListAsync(ct))
            .ToDictionary(s => s.TeamId, s => TeamLoadSettings.ResolveTimeZone(s.TimeZoneId));
        var latest = await db.DailyLoads.GroupBy(d => d.AthleteId)
            .Select(g => new { AthleteId = g.Key, Last = g.Max(d => d.Date) })
            .Join(db.Athletes, l => l.AthleteId, a => a.Id, (l, a) => new { l.AthleteId, l.Last, a.TeamId })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var row in latest)
        {
            var today = DailyLoadAggregator.LocalDate(now, zones.GetValueOrDefault(row.TeamId, TimeZoneInfo.Utc));
            if (row.Last < today)
            {
                await MarkDirtyAsync(db, row.AthleteId, row.Last.AddDays(1), ct);
                jobs.Enqueue<LoadRecomputeJob>(JobQueues.Default, j => j.RunAsync(row.AthleteId, CancellationToken.None));
            }
        }
    }

    internal static async Task MarkDirtyAsync(AppDbContext db, int athleteId, DateOnly fromLocalDate, CancellationToken ct)
    {
        // One atomic UPDATE, so two schedulers racing keep the earlier date and both generation bumps.
        var updated = await db.LoadRecomputeStates.Where(s => s.AthleteId == athleteId)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(x => x.DirtyFromDate, x => x.DirtyFromDate == null || x.DirtyFromDate > fromLocalDate ? fromLocalDate : x.DirtyFromDate)
                    .SetProperty(x => x.Generation, x => x.Generation + 1),
                ct);
        if (updated > 0)
        {
            return;
        }

        db.LoadRecomputeStates.Add(new LoadRecomputeState { AthleteId = athleteId, DirtyFromDate = fromLocalDate, Generation = 1 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another scheduler created the row first; apply the change to it.
            db.ChangeTracker.Clear();
            await MarkDirtyAsync(db, athleteId, fromLocalDate, ct);
        }
    }
}
