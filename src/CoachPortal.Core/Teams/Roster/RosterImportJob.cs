using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Teams.Roster;

/// <summary>
/// Creates the athletes of a roster CSV. Re-entrant: a finished import is left alone, and a retry after a crash
/// skips the lines that already became athletes (unique import id + line), so nothing is created twice.
/// </summary>
public sealed class RosterImportJob(
    IDbContextFactory<AppDbContext> dbFactory,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<RosterImportJob> logger)
{
    private const int BatchSize = 25;

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(int importId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.RosterImports.FirstOrDefaultAsync(r => r.Id == importId, ct);
        if (import is null || import.Status is RosterImportStatus.Succeeded or RosterImportStatus.Failed)
        {
            return;
        }

        IReadOnlyList<RosterRow> rows;
        try
        {
            rows = RosterCsvParser.Parse(import.Content, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }
        catch (Exception ex) when (ex is FormatException or CsvHelper.CsvHelperException)
        {
            import.Status = RosterImportStatus.Failed;
            import.FailureReason = ex.Message;
            import.FinishedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            notifier.Publish(Topics.RosterImport(importId));
            return;
        }

        import.Status = RosterImportStatus.Running;
        import.TotalRows = rows.Count;
        import.ProcessedRows = 0;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.RosterImport(importId));

        var done = await db.Athletes.Where(a => a.RosterImportId == importId).Select(a => a.RosterLine!.Value).ToListAsync(ct);
        var alreadyCreated = done.ToHashSet();

        foreach (var batch in rows.Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in batch)
            {
                if (row.Input is null || alreadyCreated.Contains(row.LineNumber))
                {
                    continue;
                }

                var athlete = new Athlete { TeamId = import.TeamId, RosterImportId = importId, RosterLine = row.LineNumber };
                AthleteService.Apply(athlete, row.Input);
                db.Athletes.Add(athlete);
            }

            import.ProcessedRows += batch.Length;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            notifier.Publish(Topics.RosterImport(importId));
        }

        await db.RosterImportErrors.Where(e => e.RosterImportId == importId).ExecuteDeleteAsync(ct);
        foreach (var row in rows.Where(r => r.Errors.Count > 0))
        {
            db.RosterImportErrors.Add(new RosterImportError
            {
                RosterImportId = importId,
                LineNumber = row.LineNumber,
                Message = string.Join(" ", row.Errors),
            });
        }

        import.CreatedCount = await db.Athletes.CountAsync(a => a.RosterImportId == importId, ct);
        import.ErrorCount = rows.Count(r => r.Errors.Count > 0);
        import.Status = RosterImportStatus.Succeeded;
        import.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Roster import {ImportId}: {Created} athletes created, {Errors} lines refused", importId, import.CreatedCount, import.ErrorCount);
        notifier.Publish(Topics.RosterImport(importId));
        notifier.Publish(Topics.Team(import.TeamId));
    }
}
