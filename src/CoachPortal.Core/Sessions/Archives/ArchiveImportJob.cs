using System.IO.Compression;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Archives;
using CoachPortal.Ingest.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Sessions.Archives;

/// <summary>
/// Walks a queued history archive (<see cref="ArchiveImportService.StartAsync"/>) one file at a time, streaming:
/// the archive is read from disk through its central directory, each file is inflated within the per-file limits
/// (<see cref="ArchiveImportOptions.MaxEntryBytes"/> and the compression ratio) and decoded, and a Garmin export's
/// nested zips are copied to a temporary file and walked the same way, so memory does not grow with the archive.
/// <para>
/// Re-entrant: each file's sessions, its result and the import's counters are committed in one transaction, and a
/// file with a result is skipped, so a run after a crash (Hangfire's retry, or the recovery of an orphaned job) goes
/// on from the first file without one and stores nothing twice. Sessions the athlete already has (same start and
/// sport, as for uploads) are recorded as duplicates. An archive that cannot be read ends as Failed with the reason;
/// only infrastructure errors escape to Hangfire's retries.
/// </para>
/// </summary>
public sealed class ArchiveImportJob(
    IDbContextFactory<AppDbContext> dbFactory,
    ArchiveStore store,
    IOptions<ArchiveImportOptions> options,
    SessionChangePublisher changes,
    ChangeNotifier notifier,
    TimeProvider clock,
    ILogger<ArchiveImportJob> logger)
{
    private static readonly TimeSpan s_publishInterval = TimeSpan.FromMilliseconds(500);

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [Queue(Jobs.JobQueues.Import)]
    public async Task RunAsync(int importId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var import = await db.ArchiveImports.FirstOrDefaultAsync(a => a.Id == importId, ct);
        if (import is null || import.Status is ArchiveImportStatus.Succeeded or ArchiveImportStatus.Failed)
        {
            return;
        }

        var path = store.PathOf(import.StoredName);
        if (!File.Exists(path))
        {
            await FailAsync(db, import, "The archive is missing from the archive folder.", ct);
            return;
        }

        var run = new Run(db, import, await db.Athletes.AsNoTracking().FirstAsync(a => a.Id == import.AthleteId, ct))
        {
            Done = (await db.ArchiveImportEntries.Where(e => e.ArchiveImportId == importId).Select(e => e.EntryName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            Options = DecodeOptions.Default with { Zip = ZipLimits.Default with { MaxTotalUncompressedBytes = options.Value.MaxEntryBytes } },
        };
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var (layout, root) = ExportArchive.Detect(zip.Entries.Select(e => e.FullName));
            if (layout == ExportLayout.Unknown)
            {
                await FailAsync(db, import, "The archive is neither a Strava nor a Garmin Connect export.", ct);
                return;
            }

            run.Index = layout == ExportLayout.Strava ? ReadIndex(zip, root) : [];
            run.Root = root;
            var candidates = zip.Entries.Where(e => ExportArchive.IsCandidate(layout, root, e.FullName)).ToList();
            import.Layout = layout;
            import.Status = ArchiveImportStatus.Running;
            import.TotalEntries = Math.Max(import.TotalEntries, candidates.Count);
            import.TotalBytes = candidates.Sum(e => e.CompressedLength);
            import.ProcessedBytes = 0;
            await db.SaveChangesAsync(ct);
            notifier.Publish(Topics.ArchiveImport(importId));

            foreach (var entry in candidates)
            {
                ct.ThrowIfCancellationRequested();
                if (ExportArchive.IsNestedZip(entry.FullName))
                {
                    await NestedAsync(run, entry, ct);
                }
                else if (!run.Done.Contains(entry.FullName))
                {
                    await ProcessAsync(run, entry.FullName, entry.Open, entry.CompressedLength, entry.CompressedLength, ct);
                }
                else
                {
                    import.ProcessedBytes += entry.CompressedLength;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ActivityFormatException)
        {
            await FailAsync(db, import, $"The archive cannot be read: {ex.Message}", ct);
            return;
        }

        await FinishAsync(run, ct);
    }

    /// <summary>Copies a nested zip to a temporary file (bounded) and imports its files as entries of their own.</summary>
    private async Task NestedAsync(Run run, ZipArchiveEntry outer, CancellationToken ct)
    {
        if (run.Done.Contains(outer.FullName))
        {
            run.Import.ProcessedBytes += outer.CompressedLength;
            return;
        }

        var temp = Path.Combine(store.Folder, $"{Guid.NewGuid():N}.nested.tmp");
        try
        {
            if (await CopyBoundedAsync(outer, temp, ct) is { } refusal)
            {
                await RecordAsync(run, outer.FullName, outer.CompressedLength, [(null, new ArchiveImportEntry { EntryName = outer.FullName, Outcome = ArchiveEntryOutcome.Failed, Message = refusal })], ct);
                return;
            }

            using var inner = ZipFile.OpenRead(temp);
            var files = inner.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            var innerBytes = Math.Max(1, files.Sum(e => e.CompressedLength));
            run.Import.TotalEntries += files.Count - 1;
            foreach (var file in files)
            {
                ct.ThrowIfCancellationRequested();
                var name = $"{outer.FullName}!/{file.FullName}";
                // The nested zip's share of the progress bar, spread over its files by their compressed sizes.
                var share = outer.CompressedLength * file.CompressedLength / innerBytes;
                if (run.Done.Contains(name))
                {
                    run.Import.ProcessedBytes += share;
                }
                else if (ExportArchive.IsNestedZip(file.FullName))
                {
                    await RecordAsync(run, name, share, [(null, new ArchiveImportEntry { EntryName = name, Outcome = ArchiveEntryOutcome.Failed, Message = "refused: a zip inside a nested zip is not accepted." })], ct);
                }
                else
                {
                    await ProcessAsync(run, name, file.Open, file.CompressedLength, share, ct);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            await RecordAsync(run, outer.FullName, 0, [(null, new ArchiveImportEntry { EntryName = outer.FullName, Outcome = ArchiveEntryOutcome.Failed, Message = $"The nested zip cannot be read: {ex.Message}" })], ct);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    // The nested zip's bytes under the same kind of limits as a file's: a total and a ratio to its compressed size.
    private async Task<string?> CopyBoundedAsync(ZipArchiveEntry entry, string temp, CancellationToken ct)
    {
        var limit = Math.Min(options.Value.MaxNestedArchiveBytes, (long)(Math.Max(entry.CompressedLength, 1024) * ZipLimits.Default.MaxCompressionRatio));
        await using var input = entry.Open();
        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var buffer = new byte[1 << 16];
        long copied = 0;
        int n;
        while ((n = await input.ReadAsync(buffer, ct)) > 0)
        {
            copied += n;
            if (copied > limit)
            {
                return $"refused: the nested zip inflates beyond the limit of {limit} bytes.";
            }

            await output.WriteAsync(buffer.AsMemory(0, n), ct);
        }

        return null;
    }

    /// <summary>Decodes one file and records its result and sessions in one transaction.</summary>
    private async Task ProcessAsync(Run run, string name, Func<Stream> open, long compressedLength, long progressBytes, CancellationToken ct)
    {
        var label = TextLimits.Truncate(name, 400);
        if (!ArchiveEntryDecoder.IsActivityFile(name))
        {
            await RecordAsync(run, name, progressBytes, [(null, Entry(label, ArchiveEntryOutcome.Skipped, "Not an activity file (FIT, TCX or GPX)."))], ct);
            return;
        }

        var decoded = ArchiveEntryDecoder.Decode(name, open, compressedLength, run.Options);
        if (decoded.Result is not { } result)
        {
            await RecordAsync(run, name, progressBytes, [(null, Entry(label, ArchiveEntryOutcome.Failed, decoded.Error?.Message ?? "The file could not be decoded."))], ct);
            return;
        }

        if (result.Activities.Count == 0)
        {
            await RecordAsync(run, name, progressBytes, [(null, result.Damage is { } damage
                ? Entry(label, ArchiveEntryOutcome.Failed, $"The file is {damage.Summary} and what was recovered holds no activity ({damage.Reason}).")
                : Entry(label, ArchiveEntryOutcome.Skipped, "The file holds no activity (e.g. settings, monitoring or a course)."))], ct);
            return;
        }

        run.Index.TryGetValue(Relative(run.Root, name), out var meta);
        var results = new List<(TrainingSession?, ArchiveImportEntry)>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < result.Activities.Count; i++)
        {
            var entryName = i == 0 ? label : TextLimits.Truncate($"{name} #{i + 1}", 400);
            results.Add(await SessionOfAsync(run, entryName, result.Activities[i], result.Creator, result.Damage, meta, now, ct));
        }

        await RecordAsync(run, name, progressBytes, results, ct);
    }

    private async Task<(TrainingSession?, ArchiveImportEntry)> SessionOfAsync(
        Run run, string entryName, Activity activity, string? creator, DecodeDamage? damage, StravaActivity? meta, DateTime now, CancellationToken ct)
    {
        if (ActivitySessions.Refusal(activity, now, out var start, out var sport) is { } refusal)
        {
            return (null, Entry(entryName, ArchiveEntryOutcome.Failed, refusal));
        }

        if (await ActivitySessions.ExistingAsync(run.Db, run.Athlete.Id, start, sport, ct) is { } existing)
        {
            return (null, Entry(entryName, ArchiveEntryOutcome.Duplicate, "The athlete already has this session; nothing new was stored.", existing));
        }

        TrainingSession session;
        try
        {
            session = ActivitySessions.Build(run.Athlete, activity, start, sport, creator, damage, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not InsufficientMemoryException)
        {
            // The analysis is pure and deterministic: a failure here belongs to this activity, not to the server.
            logger.LogError(ex, "Session analysis failed on {EntryName} of history archive {ImportId}", entryName, run.Import.Id);
            return (null, Entry(entryName, ArchiveEntryOutcome.Failed, $"The analysis failed on this activity: {ex.Message}"));
        }

        if (meta is not null)
        {
            session.Title = TextLimits.Truncate(meta.Name, 200) ?? session.Title;
            session.Comment = TextLimits.Truncate(meta.Description, 2000);
            if (meta.PerceivedExertion is { } rpe)
            {
                session.Rpe = rpe;
                session.SessionRpeLoad = rpe * (session.DurationSeconds / 60.0); // Foster (2001)
            }
        }

        return (session, Entry(entryName, ArchiveEntryOutcome.Imported, damage is null ? null : TextLimits.Truncate($"{damage.Summary} ({damage.Reason})", 1000)));
    }

    /// <summary>Commits a file's sessions, results and the import's counters together; publishes progress now and then.</summary>
    private async Task RecordAsync(Run run, string name, long progressBytes, List<(TrainingSession? Session, ArchiveImportEntry Entry)> results, CancellationToken ct)
    {
        var db = run.Db;
        var import = run.Import;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var (session, _) in results)
            {
                if (session is not null)
                {
                    db.TrainingSessions.Add(session);
                }
            }

            await db.SaveChangesAsync(ct);
            foreach (var (session, entry) in results)
            {
                entry.ArchiveImportId = import.Id;
                entry.SessionId = session?.Id ?? entry.SessionId;
                entry.Message = TextLimits.Truncate(entry.Message, 1000);
                db.ArchiveImportEntries.Add(entry);
                switch (entry.Outcome)
                {
                    case ArchiveEntryOutcome.Imported: import.ImportedCount++; break;
                    case ArchiveEntryOutcome.Duplicate: import.DuplicateCount++; break;
                    case ArchiveEntryOutcome.Failed: import.FailedCount++; break;
                    default: import.SkippedCount++; break;
                }
            }

            import.ProcessedEntries += results.Count;
            import.ProcessedBytes += progressBytes;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        run.Done.Add(name);
        // Sessions carry their streams: let them go once stored, so the tracker does not grow with the archive.
        db.ChangeTracker.Clear();
        db.Attach(import);
        if (clock.GetUtcNow() - run.LastPublished >= s_publishInterval)
        {
            run.LastPublished = clock.GetUtcNow();
            notifier.Publish(Topics.ArchiveImport(import.Id));
        }
    }

    private async Task FinishAsync(Run run, CancellationToken ct)
    {
        var import = run.Import;
        import.Status = ArchiveImportStatus.Succeeded;
        import.ProcessedBytes = import.TotalBytes;
        import.TotalEntries = import.ProcessedEntries;
        import.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await run.Db.SaveChangesAsync(ct);
        store.Delete(import.StoredName);
        notifier.Publish(Topics.ArchiveImport(import.Id));
        logger.LogInformation("History archive {ImportId}: {Imported} imported, {Duplicates} duplicates, {Failed} failed, {Skipped} skipped",
            import.Id, import.ImportedCount, import.DuplicateCount, import.FailedCount, import.SkippedCount);

        // Loads are recomputed from the earliest imported day, including sessions of a run that crashed before.
        var imported = run.Db.ArchiveImportEntries.Where(e => e.ArchiveImportId == import.Id && e.Outcome == ArchiveEntryOutcome.Imported).Select(e => e.SessionId);
        var earliest = await run.Db.TrainingSessions.Where(s => imported.Contains(s.Id)).OrderBy(s => s.StartUtc).Select(s => (DateTime?)s.StartUtc).FirstOrDefaultAsync(ct);
        if (earliest is { } from)
        {
            changes.OnSessionsChanged(import.AthleteId, DateOnly.FromDateTime(from));
        }
    }

    private async Task FailAsync(AppDbContext db, ArchiveImport import, string reason, CancellationToken ct)
    {
        import.Status = ArchiveImportStatus.Failed;
        import.FailureReason = TextLimits.Truncate(reason, 2000);
        import.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.ArchiveImport(import.Id));
    }

    private static Dictionary<string, StravaActivity> ReadIndex(ZipArchive zip, string root)
    {
        var entry = zip.GetEntry(root + "activities.csv") ?? zip.Entries.First(e => ExportArchive.Normalize(e.FullName) == root + "activities.csv");
        using var csv = entry.Open();
        return new Dictionary<string, StravaActivity>(StravaActivityIndex.Read(csv), StringComparer.OrdinalIgnoreCase);
    }

    private static string Relative(string root, string name)
    {
        var normalized = ExportArchive.Normalize(name);
        return normalized.StartsWith(root, StringComparison.Ordinal) ? normalized[root.Length..] : normalized;
    }

    private static ArchiveImportEntry Entry(string name, ArchiveEntryOutcome outcome, string? message, int? sessionId = null) =>
        new() { EntryName = name, Outcome = outcome, Message = message, SessionId = sessionId };

    /// <summary>The state of one run of the job.</summary>
    private sealed class Run(AppDbContext db, ArchiveImport import, Athletes.Athlete athlete)
    {
        public AppDbContext Db { get; } = db;

        public ArchiveImport Import { get; } = import;

        public Athletes.Athlete Athlete { get; } = athlete;

        public required HashSet<string> Done { get; init; }

        public required DecodeOptions Options { get; init; }

        public Dictionary<string, StravaActivity> Index { get; set; } = [];

        public string Root { get; set; } = "";

        public DateTimeOffset LastPublished { get; set; }
    }
}
