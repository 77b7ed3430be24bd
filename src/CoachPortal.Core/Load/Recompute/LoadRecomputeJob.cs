using CoachPortal.Analytics.Load;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Ingest.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Load.Recompute;

/// <summary>
/// Rewrites one athlete's <see cref="DailyLoad"/> rows from the first stale date to today. It continues the engine's
/// series from the stored rows before that date (<see cref="TrainingLoadCalculator.Extend"/>), so a new session costs
/// a few weeks of work, not the whole history; rows before the date are never touched. Falls back to a full
/// computation when the stored rows cannot be continued (first run, a session earlier than the history, a gap).
/// Re-entrant and idempotent: the rows are replaced in one transaction and the status row is cleared only when no
/// newer change arrived meanwhile, so a retry or a duplicate run writes the same numbers.
/// </summary>
public sealed class LoadRecomputeJob(
    IDbContextFactory<AppDbContext> dbFactory,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<LoadRecomputeJob> logger,
    IEnumerable<ILoadsRecomputedHandler> followers)
{
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task RunAsync(int athleteId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.LoadRecomputeStates.AsNoTracking().FirstOrDefaultAsync(s => s.AthleteId == athleteId, ct);
        if (state?.DirtyFromDate is not { } dirtyFrom)
        {
            return;
        }

        var athlete = await db.Athletes.AsNoTracking().Where(a => a.Id == athleteId).Select(a => new { a.Id, a.TeamId }).FirstOrDefaultAsync(ct);
        if (athlete is null)
        {
            return;
        }

        try
        {
            var written = await RecomputeAsync(db, athlete.Id, athlete.TeamId, dirtyFrom, state.Generation, ct);
            logger.LogInformation("Daily loads of athlete {AthleteId} recomputed from {From}: {Days} days", athleteId, written.From, written.Days);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex.Message.Truncate(1000);
            await db.LoadRecomputeStates.Where(s => s.AthleteId == athleteId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailureReason, reason), CancellationToken.None);
            throw;
        }

        notifier.Publish(Topics.Athlete(athleteId));
        notifier.Publish(Topics.Team(athlete.TeamId));

        foreach (var handler in followers)
        {
            await handler.OnLoadsRecomputedAsync(athleteId, athlete.TeamId, ct);
        }
    }

    private async Task<(DateOnly From, int Days)> RecomputeAsync(AppDbContext db, int athleteId, int teamId, DateOnly dirtyFrom, long generation, CancellationToken ct)
    {
        var settings = await db.TeamLoadSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TeamId == teamId, ct) ?? new TeamLoadSettings { TeamId = teamId };
        var teamZone = settings.TimeZone();
        var options = settings.ToTrainingLoadOptions();
        var now = clock.GetUtcNow();
        var today = DailyLoadAggregator.LocalDate(now, teamZone);

        var firstUtc = await db.TrainingSessions.CountingTowardLoad().Where(s => s.AthleteId == athleteId).MinAsync(s => (DateTime?)s.StartUtc, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (firstUtc is null)
        {
            await db.DailyLoads.Where(d => d.AthleteId == athleteId).ExecuteDeleteAsync(ct);
            await MarkDoneAsync(db, athleteId, generation, now.UtcDateTime, ct);
            await tx.CommitAsync(ct);
            return (dirtyFrom, 0);
        }

        // The earliest local day: sessions within a day of the earliest instant may fall on an earlier local date.
        var earliest = await LoadSessionsAsync(db, athleteId, DateTime.MinValue, firstUtc.Value.AddDays(2), ct);
        var seriesStart = earliest.Min(s => AthleteClock.LocalDateOf(s.StartUtc, s.TimeZoneId, teamZone));

        var storedStart = await db.DailyLoads.Where(d => d.AthleteId == athleteId).MinAsync(d => (DateOnly?)d.Date, ct);
        var from = storedStart == seriesStart && dirtyFrom > seriesStart ? dirtyFrom : seriesStart;

        var lookback = TrainingLoadCalculator.RequiredLookbackDays(options);
        List<DailyLoad> history = [];
        if (from > seriesStart)
        {
            var historyStart = DateOnly.FromDayNumber(Math.Max(seriesStart.DayNumber, from.DayNumber - lookback));
            history = await db.DailyLoads.AsNoTracking()
                .Where(d => d.AthleteId == athleteId && d.Date >= historyStart && d.Date < from)
                .OrderBy(d => d.Date).ToListAsync(ct);
            var expected = from.DayNumber - historyStart.DayNumber;
            if (history.Count != expected || history.Any(d => d.PrimaryMetric != settings.PrimaryMetric))
            {
                // A gap or rows counted in another metric: the stored history cannot be continued.
                from = seriesStart;
                history = [];
            }
        }

        var sessions = from == seriesStart
            ? await LoadSessionsAsync(db, athleteId, DateTime.MinValue, DateTime.MaxValue, ct)
            : await LoadSessionsAsync(db, athleteId, from.ToDateTime(TimeOnly.MinValue).AddDays(-2), DateTime.MaxValue, ct);
        var perDay = DailyLoadBreakdown.ByLocalDay(sessions, teamZone, settings.ToPrimaryLoadOptions(), from);
        var lastSessionDate = perDay.Count == 0 ? from : perDay.Keys.Max();
        var end = lastSessionDate > today ? lastSessionDate : today;
        if (end < from)
        {
            end = from;
        }

        var loads = DailyLoadAggregator.Aggregate(perDay.Select(p => new DatedLoad(p.Key, p.Value.PrimaryLoad)), from, end);
        TrainingLoadSeries series;
        if (history.Count == 0)
        {
            series = TrainingLoadCalculator.Compute(from, loads, options);
        }
        else
        {
            var stored = TrainingLoadSeries.FromDays(history.Select(h => h.ToDay()).ToList(), history[0].Date.DayNumber - seriesStart.DayNumber, options);
            series = TrainingLoadCalculator.Extend(stored, loads).Slice(from, end);
        }

        await db.DailyLoads.Where(d => d.AthleteId == athleteId && d.Date >= from).ExecuteDeleteAsync(ct);
        var computedUtc = now.UtcDateTime;
        foreach (var day in series.Days())
        {
            var row = new DailyLoad { AthleteId = athleteId, PrimaryMetric = settings.PrimaryMetric, ComputedUtc = computedUtc };
            row.SetDay(day);
            if (perDay.TryGetValue(day.Date, out var breakdown))
            {
                breakdown.ApplyTo(row);
            }

            db.DailyLoads.Add(row);
        }

        await db.SaveChangesAsync(ct);
        await MarkDoneAsync(db, athleteId, generation, computedUtc, ct);
        await tx.CommitAsync(ct);
        return (from, series.Length);
    }

    private static async Task MarkDoneAsync(AppDbContext db, int athleteId, long generation, DateTime nowUtc, CancellationToken ct)
    {
        // A scheduler that ran meanwhile bumped the generation and queued another run: leave its date in place.
        await db.LoadRecomputeStates.Where(s => s.AthleteId == athleteId && s.Generation == generation)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DirtyFromDate, (DateOnly?)null).SetProperty(x => x.FailureReason, (string?)null), ct);
        await db.LoadRecomputeStates.Where(s => s.AthleteId == athleteId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastCompletedUtc, nowUtc), ct);
    }

    private static Task<List<SessionLoadRow>> LoadSessionsAsync(AppDbContext db, int athleteId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        db.TrainingSessions.AsNoTracking().CountingTowardLoad()
            .Where(s => s.AthleteId == athleteId && s.StartUtc >= fromUtc && s.StartUtc < toUtc)
            .Select(s => new SessionLoadRow(s.StartUtc, s.TimeZoneId, s.Sport, s.DurationSeconds, s.Tss, s.HrTss, s.TrimpBanister, s.SessionRpeLoad))
            .ToListAsync(ct);

}
