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
