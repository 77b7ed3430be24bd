using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Archives;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// Decodes an uploaded file and stores its sessions. Re-entrant: a finished file is left alone, and each session
/// is written with its entry result in one transaction, so a retry after a crash skips what was stored and never
/// leaves half a session. A file the decoders refuse is marked failed with the reason; its bytes stay for a retry.
/// </summary>
public sealed class SessionImportJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    SessionChangePublisher changes,
    TimeProvider clock,
    ILogger<SessionImportJob> logger)
{
    private const int MaxWarningsLength = 4000;

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [Queue(Jobs.JobQueues.Import)]
    public async Task RunAsync(int fileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.UploadedFiles.Include(f => f.Entries).FirstOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null || file.Status is UploadStatus.Imported or UploadStatus.Failed or UploadStatus.Duplicate)
        {
            return;
        }

        var athlete = await db.Athletes.AsNoTracking().FirstAsync(a => a.Id == file.AthleteId, ct);

        // Refusals are derived again on every run; stored sessions (succeeded entries) are kept and skipped.
        await db.UploadEntryResults.Where(e => e.UploadedFileId == fileId && !e.Succeeded).ExecuteDeleteAsync(ct);
        file.Entries.RemoveAll(e => !e.Succeeded);
        file.Status = UploadStatus.Importing;
        await db.SaveChangesAsync(ct);
        changes.OnUploadChanged(file.AthleteId);

        var content = await files.GetAsync(file.Sha256, ct);
        if (content is null)
        {
            await FinishAsync(db, file, UploadStatus.Failed, "The original bytes are missing from the file store.", ct);
            return;
        }

        List<ArchiveEntryResult> entries;
        try
        {
            entries = Decode(file.OriginalName, content);
        }
        catch (ActivityFormatException ex)
        {
            await FinishAsync(db, file, UploadStatus.Failed, ex.Message, ct);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Decoding is deterministic, so retrying a decoder bug cannot help; keep the file and say what broke.
            logger.LogError(ex, "Decoder failed on uploaded file {FileId}", fileId);
            await FinishAsync(db, file, UploadStatus.Failed, $"The decoder failed on this file ({ex.GetType().Name}: {ex.Message}).", ct);
            return;
        }

        var done = file.Entries.Where(e => e.Succeeded).Select(e => e.EntryName).ToHashSet(StringComparer.Ordinal);
        var warnings = new List<string>();
        DateOnly? earliest = null;
        foreach (var entry in entries)
        {
            if (entry.Error is not null || entry.Result is null)
            {
                await RecordEntryAsync(db, file, entry.EntryName, null, entry.Error?.Message ?? "The entry could not be decoded.", ct);
                continue;
            }

            warnings.AddRange(entry.Result.Warnings.Select(w => w.ToString()));
            var activities = entry.Result.Activities;
            if (activities.Count == 0)
            {
                await RecordEntryAsync(db, file, entry.EntryName, null, "The file holds no activity (e.g. a settings or course file).", ct);
                continue;
            }

            for (var i = 0; i < activities.Count; i++)
            {
                var name = activities.Count == 1 ? entry.EntryName : $"{entry.EntryName} #{i + 1}";
                if (done.Contains(name))
                {
                    continue;
                }

                ct.ThrowIfCancellationRequested();
                var start = await StoreActivityAsync(db, file, athlete, name, activities[i], entry.Result.Creator, ct);
                if (start is { } s && (earliest is null || s < earliest))
                {
                    earliest = s;
                }
            }
        }

        await db.Entry(file).Collection(f => f.Entries).LoadAsync(ct);
        file.SessionCount = await db.TrainingSessions.CountAsync(s => s.SourceFileId == fileId, ct);
        file.Warnings = Truncate(string.Join("\n", warnings.Distinct()), MaxWarningsLength);
        var failures = file.Entries.Where(e => !e.Succeeded).ToList();
        if (file.Entries.Any(e => e.Succeeded))
        {
            await FinishAsync(db, file, UploadStatus.Imported, failures.Count == 0 ? null
                : Truncate(string.Join("\n", failures.Select(e => $"{e.EntryName}: {e.Message}")), 2000), ct);
        }
        else
        {
            var reason = failures.Count == 1 && entries.Count == 1 && failures[0].EntryName == file.OriginalName
                ? failures[0].Message
                : string.Join("\n", failures.Select(e => $"{e.EntryName}: {e.Message}"));
            await FinishAsync(db, file, UploadStatus.Failed, Truncate(reason ?? "Nothing could be imported.", 2000), ct);
        }

        logger.LogInformation("Uploaded file {FileId}: {Sessions} sessions, {Failures} entries refused", fileId, file.SessionCount, failures.Count);
        if (earliest is { } from)
        {
            changes.OnSessionsChanged(file.AthleteId, from);
        }
    }

    private static List<ArchiveEntryResult> Decode(string fileName, byte[] content)
    {
        if (ActivityDecoder.Detect(fileName, content) == ActivityFileFormat.Zip)
        {
            return [.. ZipActivityDecoder.DecodeEntries(content)];
        }

        try
        {
            return [new ArchiveEntryResult(fileName, ActivityDecoder.Decode(fileName, content), null)];
        }
        catch (ActivityFormatException ex)
        {
            return [new ArchiveEntryResult(fileName, null, ex)];
        }
    }

    /// <summary>Stores one activity as a session with its entry result, in one transaction; returns its start date.</summary>
    private async Task<DateOnly?> StoreActivityAsync(
        AppDbContext db, UploadedFile file, Athletes.Athlete athlete, string entryName, Activity activity, string? creator, CancellationToken ct)
    {
        if (!activity.Streams.IsTimeBased)
        {
            await RecordEntryAsync(db, file, entryName, null, "The track has no times, so it cannot become a training session.", ct);
            return null;
        }

        var startUtc = activity.StartTimeUtc ?? activity.Summary.StartTimeUtc;
        if (startUtc is null)
        {
            await RecordEntryAsync(db, file, entryName, null, "The activity has no start time.", ct);
            return null;
        }

        if (activity.Streams.Count == 0 && activity.Summary.ElapsedSeconds is null)
        {
            await RecordEntryAsync(db, file, entryName, null, "The activity has no samples and no duration.", ct);
            return null;
        }

        var sport = SessionBuilder.SportName(activity.Sport);
        var start = DateTime.SpecifyKind(startUtc.Value, DateTimeKind.Utc);
        var existing = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.AthleteId == file.AthleteId && s.StartUtc == start && s.Sport == sport)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            await RecordEntryAsync(db, file, entryName, existingId, "Already imported from another file; no new session was created.", ct);
            return null;
        }

        var session = SessionBuilder.Build(athlete, sport, start, SessionBuilder.ColumnsOf(activity.Streams), activity.Summary);
        session.SourceFileId = file.Id;
        session.SubSport = activity.SubSport == SubSport.Generic
            ? (activity.Sport is Sport.Generic or Sport.Running or Sport.Cycling or Sport.Swimming ? null : activity.Sport.ToString())
            : activity.SubSport.ToString();
        session.Title = Truncate(activity.Name, 200);
        session.DeviceName = Truncate(activity.Creator ?? creator, 120);
        session.CreatedUtc = clock.GetUtcNow().UtcDateTime;
        session.Laps = SessionBuilder.LapsOf(activity.Laps, start);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.UploadEntryResults.Add(new UploadEntryResult { UploadedFileId = file.Id, EntryName = entryName, Succeeded = true, SessionId = session.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        db.Attach(file);
        return DateOnly.FromDateTime(start);
    }

    private static async Task RecordEntryAsync(AppDbContext db, UploadedFile file, string entryName, int? sessionId, string message, CancellationToken ct)
    {
        db.UploadEntryResults.Add(new UploadEntryResult
        {
            UploadedFileId = file.Id,
            EntryName = Truncate(entryName, 260)!,
            Succeeded = sessionId is not null,
            SessionId = sessionId,
            Message = Truncate(message, 2000),
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task FinishAsync(AppDbContext db, UploadedFile file, UploadStatus status, string? reason, CancellationToken ct)
    {
        file.Status = status;
        file.FailureReason = reason;
        file.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        changes.OnUploadChanged(file.AthleteId);
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
