using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Notifications;
using CoachPortal.Ingest.Text;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Forecasting.Runs;

/// <summary>
/// What every training job does with its run: ends it with a status and reason, and watches the row for a cancel
/// request so that any node may ask for one. Shared by the forecast and technique jobs.
/// </summary>
internal static class TrainingRunLifecycle
{
    private static readonly TimeSpan s_cancelPoll = TimeSpan.FromMilliseconds(300);

    /// <summary>The registered version of the run, if one is (unique run id).</summary>
    public static Task<int?> RegisteredVersionAsync(AppDbContext db, int runId, CancellationToken ct) =>
        db.ModelVersions.Where(v => v.TrainingRunId == runId).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A run's life once its job has read it, the same for every kind of model: a run already ended is left alone, one
    /// whose version is registered (a worker died after registering it) is ended as succeeded, a cancel request ends
    /// it; otherwise it is started, trained by <paramref name="train"/> while its row is watched for a cancel request,
    /// and its version registered. A refusal of the trainer (<paramref name="isRefusal"/>) ends it as failed with the
    /// trainer's words; a version another worker registered first wins. Returns the version this job registered, or
    /// null. <paramref name="train"/> returns null when it ended the run itself (e.g. too little data).
    /// </summary>
    public static async Task<ModelVersion?> ExecuteAsync(
        IDbContextFactory<AppDbContext> dbFactory,
        AppDbContext db,
        TrainingRun? run,
        Func<TrainingRun, CancellationToken, Task<ModelVersion?>> train,
        Func<Exception, bool> isRefusal,
        TimeProvider clock,
        ChangeNotifier notifier,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(isRefusal);
        if (run is null || run.Status is TrainingRunStatus.Succeeded or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled)
        {
            return null;
        }

        var runId = run.Id;
        if (await RegisteredVersionAsync(db, runId, ct) is { } registered)
        {
            await FinishAsync(db, run, TrainingRunStatus.Succeeded, null, registered, clock, notifier, ct);
            return null;
        }

        if (run.CancelRequested)
        {
            await FinishAsync(db, run, TrainingRunStatus.Cancelled, null, null, clock, notifier, ct);
            return null;
        }

        if (!await StartAsync(db, run, clock, notifier, ct))
        {
            return null;
        }

        notifier.Publish(Topics.TrainingRun(runId));
        notifier.Publish(Topics.Models);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watcher = WatchCancelAsync(dbFactory, runId, cancel);
        try
        {
            var version = await train(run, cancel.Token);
            if (version is null)
            {
                return null;
            }

            db.ModelVersions.Add(version);
            await db.SaveChangesAsync(CancellationToken.None);
            await FinishAsync(db, run, TrainingRunStatus.Succeeded, null, version.Id, clock, notifier, CancellationToken.None);
            return version;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await FinishAsync(db, run, TrainingRunStatus.Cancelled, null, null, clock, notifier, CancellationToken.None);
        }
        catch (Exception ex) when (isRefusal(ex))
        {
            await FinishAsync(db, run, TrainingRunStatus.Failed, ex.Message, null, clock, notifier, CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            // Another worker registered this run's version first (unique run id); this one's result is dropped.
            db.ChangeTracker.Clear();
            if (await RegisteredVersionAsync(db, runId, CancellationToken.None) is not { } id)
            {
                throw;
            }

            var again = await db.TrainingRuns.FirstAsync(r => r.Id == runId, CancellationToken.None);
            await FinishAsync(db, again, TrainingRunStatus.Succeeded, null, id, clock, notifier, CancellationToken.None);
        }
        finally
        {
            await cancel.CancelAsync();
            await watcher;
        }

        return null;
    }

    /// <summary>
    /// Marks the run as running, unless a cancel request reached its row after the job read it (the service ends a run
    /// whose job it does not see running, and the two can cross). False when the run must not train; the run is then
    /// ended as cancelled if nothing else ended it.
    /// </summary>
    public static async Task<bool> StartAsync(AppDbContext db, TrainingRun run, TimeProvider clock, ChangeNotifier notifier, CancellationToken ct)
    {
        var (id, started) = (run.Id, (DateTime?)clock.GetUtcNow().UtcDateTime);
        var claimed = await db.TrainingRuns
            .Where(r => r.Id == id && !r.CancelRequested && (r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, TrainingRunStatus.Running).SetProperty(r => r.StartedUtc, started), ct);
        await db.Entry(run).ReloadAsync(ct);
        if (claimed == 0)
        {
            if (run.Status is TrainingRunStatus.Queued or TrainingRunStatus.Running)
            {
                await FinishAsync(db, run, TrainingRunStatus.Cancelled, null, null, clock, notifier, ct);
            }

            return false;
        }

        run.LossHistory = LossHistory.Empty;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static async Task FinishAsync(AppDbContext db, TrainingRun run, TrainingRunStatus status, string? failure, int? versionId, TimeProvider clock, ChangeNotifier notifier, CancellationToken ct)
    {
        run.Status = status;
        run.FailureReason = failure is null ? null : TextLimits.Truncate(failure, 2000);
        run.ModelVersionId = versionId;
        run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.TrainingRun(run.Id));
        notifier.Publish(Topics.Models);
    }

    /// <summary>Cancels <paramref name="cancel"/> when the run's row asks for it; ends when <paramref name="cancel"/> is cancelled.</summary>
    public static async Task WatchCancelAsync(IDbContextFactory<AppDbContext> dbFactory, int runId, CancellationTokenSource cancel)
    {
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                await Task.Delay(s_cancelPoll, cancel.Token);
                await using var db = await dbFactory.CreateDbContextAsync(cancel.Token);
                if (await db.TrainingRuns.AnyAsync(r => r.Id == runId && r.CancelRequested, cancel.Token))
                {
                    await cancel.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended or was cancelled; either way the watch is over
        }
    }
}
