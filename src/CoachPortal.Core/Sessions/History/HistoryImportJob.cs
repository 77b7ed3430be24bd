using System.Text;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Teams;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// Stores a queued history file (<see cref="HistoryImportService.StartWellnessAsync"/>) in batches, publishing
/// progress after each. Re-entrant: a finished import is left alone; each batch's records, its counters and the
/// progress are committed in one transaction, so a retry after a crash resumes after the last committed batch, and
/// days or sessions already stored are skipped anyway, so nothing is stored or counted twice.
/// <para>
/// A file whose header or mapping is unusable, or whose bytes are gone, ends as Failed with the reason (running the
/// same bytes again cannot help); only infrastructure errors escape to Hangfire's retries.
/// </para>
/// </summary>
public sealed class HistoryImportJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    SessionChangePublisher changes,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<HistoryImportJob> logger)
{
    internal const int BatchSize = 50;

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [Queue(Jobs.JobQueues.Import)]
    public async Task RunAsync(int importId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.HistoryImports.Include(h => h.Athlete).FirstOrDefaultAsync(h => h.Id == importId, ct);
        if (import is null || import.Status is HistoryImportStatus.Succeeded or HistoryImportStatus.Failed)
        {
            return;
        }

        var content = await files.GetAsync(import.Sha256, ct);
        if (content is null)
        {
            await FailAsync(db, import, "The original bytes are missing from the file store.", ct);
            return;
        }

        var csv = Encoding.UTF8.GetString(content);
        var zone = await AthleteClock.TimeZoneOfTeamAsync(db, import.Athlete!.TeamId, ct);
        try
        {
            if (import.Kind == HistoryImportKind.Wellness)
            {
                var rows = HistoryCsvParser.ParseWellness(csv, HistoryImportService.WellnessMappingOf(import.MappingJson), zone);
                var records = HistoryImportService.WellnessRecords(rows);
                await StoreAsync(db, import, rows, records, (batch, now) => HistoryImportService.AddWellnessAsync(db, import.AthleteId, batch, now, ct), ct);
                if (import.AddedCount > 0)
                {
                    notifier.Publish(Topics.Athlete(import.AthleteId));
                    notifier.Publish(Topics.Team(import.Athlete.TeamId));
                }
            }
            else
            {
                var rows = HistoryCsvParser.ParseSessions(csv, HistoryImportService.SessionMappingOf(import.MappingJson), zone);
                var records = HistoryImportService.SessionRecords(rows);
                await StoreAsync(db, import, rows, records, async (batch, now) => (await HistoryImportService.AddSessionsAsync(db, import.AthleteId, batch, now, ct)).Count, ct);
                if (import.AddedCount > 0 && records.Count > 0)
                {
                    changes.OnSessionsChanged(import.AthleteId, DateOnly.FromDateTime(records.Min(s => s.StartUtc)));
                }
            }
        }
        catch (FormatException ex)
        {
            await FailAsync(db, import, ex.Message, ct);
            return;
        }

        logger.LogInformation("History import {ImportId}: {Added} added, {Duplicates} already stored, {Errors} lines refused", importId, import.AddedCount, import.DuplicateCount, import.ErrorCount);
    }

    private async Task StoreAsync<TRow, TRecord>(
        AppDbContext db,
        HistoryImport import,
        IReadOnlyList<HistoryRow<TRow>> rows,
        IReadOnlyList<TRecord> records,
        Func<TRecord[], DateTime, Task<int>> add,
        CancellationToken ct)
        where TRow : class
    {
        import.Status = HistoryImportStatus.Running;
        import.TotalRecords = records.Count;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.HistoryImport(import.Id));

        // Batches are the same on every run (same bytes, same code), so the committed ones are skipped by count.
        foreach (var batch in records.Chunk(BatchSize).Skip(import.ProcessedRecords / BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var added = await add(batch, clock.GetUtcNow().UtcDateTime);
            import.AddedCount += added;
            import.DuplicateCount += batch.Length - added;
            import.ProcessedRecords += batch.Length;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            notifier.Publish(Topics.HistoryImport(import.Id));
        }

        await db.HistoryImportLineErrors.Where(e => e.HistoryImportId == import.Id).ExecuteDeleteAsync(ct);
        var errors = HistoryImportService.Errors(rows);
        foreach (var error in errors)
        {
            db.HistoryImportLineErrors.Add(new HistoryImportLineError { HistoryImportId = import.Id, LineNumber = error.Line, Message = Truncate(error.Message, 1000) });
        }

        // Lines merged within the file (a day's earlier reports, a repeated session) count as duplicates too.
        import.DuplicateCount += rows.Count(r => r.Value is not null) - records.Count;
        import.SkippedCount = rows.Count(r => r.IsEmpty);
        import.ErrorCount = errors.Count;
        import.Status = HistoryImportStatus.Succeeded;
        import.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.HistoryImport(import.Id));
    }

    private async Task FailAsync(AppDbContext db, HistoryImport import, string reason, CancellationToken ct)
    {
        import.Status = HistoryImportStatus.Failed;
        import.FailureReason = Truncate(reason, 2000);
        import.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.HistoryImport(import.Id));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
