using System.Globalization;
using System.IO.Compression;
using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Archives;
using CoachPortal.Ingest.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// Decodes an uploaded file and stores its sessions. Re-entrant: a finished file is left alone, and each session
/// is written with its entry result in one transaction, so a retry after a crash skips what was stored and never
/// leaves half a session.
/// <para>
/// Input failures end the job normally: a file the decoders refuse, a decoder or analysis failure on it, a file too
/// large for this server's memory, or an implausible start is stored as Failed (or a refused entry) with the reason,
/// and the bytes stay for a user's retry. Running the same bytes through the same code again cannot help, so such
/// a job is never retried automatically. Only infrastructure errors escape to Hangfire's retries: the database, the
/// file store, or not enough free memory right now (<see cref="InsufficientMemoryException"/> from the memory guard).
/// </para>
/// </summary>
public sealed class SessionImportJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    SessionChangePublisher changes,
    TimeProvider clock,
    ILogger<SessionImportJob> logger)
{
    private const int MaxWarningsLength = 4000;

    // Retries are for infrastructure errors only: input failures return normally (see the class summary).
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

        var neededBytes = EstimatedPeakBytes(file.OriginalName, content);
        if (neededBytes > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)
        {
            await FinishAsync(db, file, UploadStatus.Failed, string.Create(
                CultureInfo.InvariantCulture,
                $"The file would need about {neededBytes >> 20} MB to import, more than this server has."), ct);
            return;
        }

        EnsureFreeMemory(neededBytes);
        List<ArchiveEntryResult> entries;
        try
        {
            entries = Decode(file.OriginalName, content, await DecodeOptionsAsync(db, file, athlete.TeamId, content, ct));
        }
        catch (ActivityFormatException ex)
        {
            await FinishAsync(db, file, UploadStatus.Failed, ex.Message, ct);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not InsufficientMemoryException)
        {
            // Decoding is deterministic, so retrying a decoder bug cannot help; keep the file and say what broke.
            logger.LogError(ex, "Decoder failed on uploaded file {FileId}", fileId);
            await FinishAsync(db, file, UploadStatus.Failed, $"The decoder failed on this file: {ex.Message}", ct);
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
                await RecordEntryAsync(db, file, entry.EntryName, null, entry.Result.Damage is { } damage
                    ? $"The file is {damage.Summary} and what was recovered holds no activity ({damage.Reason})."
                    : "The file holds no activity (e.g. a settings or course file).", ct);
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
                var start = await StoreActivityAsync(db, file, athlete, name, activities[i], entry.Result.Creator, entry.Result.Damage, ct);
                if (start is { } s && (earliest is null || s < earliest))
                {
                    earliest = s;
                }
            }
        }

        await db.Entry(file).Collection(f => f.Entries).LoadAsync(ct);
        file.SessionCount = await db.TrainingSessions.CountAsync(s => s.SourceFileId == fileId, ct);
        file.Warnings = TextLimits.Truncate(string.Join("\n", warnings.Distinct()), MaxWarningsLength);
        var failures = file.Entries.Where(e => !e.Succeeded).ToList();
        if (file.Entries.Any(e => e.Succeeded))
        {
            await FinishAsync(db, file, UploadStatus.Imported, failures.Count == 0 ? null
                : TextLimits.Truncate(string.Join("\n", failures.Select(e => $"{e.EntryName}: {e.Message}")), 2000), ct);
        }
        else
        {
            var reason = failures.Count == 1 && entries.Count == 1 && failures[0].EntryName == file.OriginalName
                ? failures[0].Message
                : string.Join("\n", failures.Select(e => $"{e.EntryName}: {e.Message}"));
            await FinishAsync(db, file, UploadStatus.Failed, TextLimits.Truncate(reason ?? "Nothing could be imported.", 2000), ct);
        }

        logger.LogInformation("Uploaded file {FileId}: {Sessions} sessions, {Failures} entries refused", fileId, file.SessionCount, failures.Count);
        if (earliest is { } from)
        {
            changes.OnSessionsChanged(file.AthleteId, from);
        }
    }

    // A CSV file decodes with the mapping chosen on upload, else the team's remembered one for its header line.
    private static async Task<DecodeOptions> DecodeOptionsAsync(AppDbContext db, UploadedFile file, int teamId, byte[] content, CancellationToken ct)
    {
        if (!CsvMappingService.IsCsv(file.OriginalName, content))
        {
            return DecodeOptions.Default;
        }

        var mapping = CsvMappingService.Deserialize(file.CsvMappingJson) ?? await CsvMappingService.RememberedAsync(db, teamId, content, ct);
        return mapping is null ? DecodeOptions.Default : DecodeOptions.Default with { Csv = mapping };
    }

    private static List<ArchiveEntryResult> Decode(string fileName, byte[] content, DecodeOptions options)
    {
        if (ActivityDecoder.Detect(fileName, content) == ActivityFileFormat.Zip)
        {
            return [.. ZipActivityDecoder.DecodeEntries(content, options)];
        }

        try
        {
            return [new ArchiveEntryResult(fileName, ActivityDecoder.Decode(fileName, content, options), null)];
        }
        catch (ActivityFormatException ex)
        {
            return [new ArchiveEntryResult(fileName, null, ex)];
        }
    }

    /// <summary>Stores one activity as a session with its entry result, in one transaction; returns its start date.</summary>
    private async Task<DateOnly?> StoreActivityAsync(
        AppDbContext db, UploadedFile file, Athletes.Athlete athlete, string entryName, Activity activity, string? creator, DecodeDamage? damage, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (ActivitySessions.Refusal(activity, now, out var start, out var sport) is { } refusal)
        {
            await RecordEntryAsync(db, file, entryName, null, refusal, ct);
            return null;
        }

        if (await ActivitySessions.ExistingAsync(db, file.AthleteId, start, sport, ct) is { } existingId)
        {
            await RecordEntryAsync(db, file, entryName, existingId, "Already imported from another file; no new session was created.", ct);
            return null;
        }

        TrainingSession session;
        try
        {
            session = ActivitySessions.Build(athlete, activity, start, sport, creator, damage, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not InsufficientMemoryException)
        {
            // The analysis is pure and deterministic: a failure here belongs to this activity, not to the server.
            logger.LogError(ex, "Session analysis failed on entry {EntryName} of uploaded file {FileId}", entryName, file.Id);
            await RecordEntryAsync(db, file, entryName, null, $"The analysis failed on this activity: {ex.Message}", ct);
            return null;
        }

        session.SourceFileId = file.Id;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.UploadEntryResults.Add(new UploadEntryResult
        {
            UploadedFileId = file.Id,
            EntryName = entryName,
            Succeeded = true,
            SessionId = session.Id,
            Message = damage is null ? null : TextLimits.Truncate($"{damage.Summary} ({damage.Reason})", 2000),
        });
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
            EntryName = TextLimits.Truncate(entryName, 260),
            Succeeded = sessionId is not null,
            SessionId = sessionId,
            Message = TextLimits.Truncate(message, 2000),
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

    /// <summary>A start after 1990 and no later than a day from now (time zones, a fast device clock).</summary>
    internal static bool IsPlausibleStart(DateTime startUtc, DateTime nowUtc) => ActivitySessions.IsPlausibleStart(startUtc, nowUtc);

    /// <summary>
    /// A generous bound on the memory one import needs: decoding allocates at most about 16 times the decoded bytes
    /// plus fixed buffers (the decoder robustness tests hold it to that), and the streams, metrics and compressed
    /// columns of a session take a few hundred bytes per recorded second, about as much again. Nothing in the import
    /// is sized by timestamps any more, so the bytes of the file decide.
    /// </summary>
    internal static long EstimatedPeakBytes(string fileName, byte[] content)
    {
        long decodedBytes = content.Length;
        var format = ActivityDecoder.Detect(fileName, content);
        if (format == ActivityFileFormat.Gzip)
        {
            // The trailer's size (RFC 1952 ISIZE, modulo 4 GiB) is a claim; the ratio limit bounds it either way.
            var limits = ZipLimits.Default;
            decodedBytes = Math.Min(limits.MaxTotalUncompressedBytes, (long)(limits.MaxCompressionRatio * Math.Max(content.Length, 1024)));
            if (content.Length >= 18)
            {
                decodedBytes = Math.Min(decodedBytes, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(content.Length - 4)));
            }
        }
        else if (format == ActivityFileFormat.Zip)
        {
            var limits = ZipLimits.Default;
            decodedBytes = Math.Min(limits.MaxTotalUncompressedBytes, (long)(limits.MaxCompressionRatio * content.Length));
            try
            {
                using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
                decodedBytes = Math.Min(decodedBytes, zip.Entries.Sum(e => e.Length));
            }
            catch (InvalidDataException)
            {
                // An unreadable archive is refused by the decoder before it inflates anything.
                decodedBytes = content.Length;
            }
        }

        return (32 * decodedBytes) + (16L << 20);
    }

    /// <summary>Throws <see cref="InsufficientMemoryException"/> (retried later) when the heap cannot take the import now.</summary>
    private static void EnsureFreeMemory(long neededBytes)
    {
        var limitBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (limitBytes - GC.GetTotalMemory(forceFullCollection: false) >= neededBytes
            || limitBytes - GC.GetTotalMemory(forceFullCollection: true) >= neededBytes)
        {
            return;
        }

        throw new InsufficientMemoryException(string.Create(
            CultureInfo.InvariantCulture,
            $"The import needs about {neededBytes >> 20} MB and the heap has less free; it will be retried."));
    }

}
