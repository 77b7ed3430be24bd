using System.IO.Compression;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Security;
using CoachPortal.Ingest.Archives;
using CoachPortal.Ingest.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Sessions.Archives;

/// <summary>
/// Imports a whole training history exported from Strava ("Download your data") or Garmin Connect. The archive is
/// streamed to <see cref="ArchiveStore"/>, its layout checked from the entry names, and <see cref="ArchiveImportJob"/>
/// queued; the job's progress and per-file results are read here. Coaches import for any athlete of their teams,
/// athletes only for themselves (the same rule as uploading a file).
/// </summary>
public sealed class ArchiveImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    ArchiveStore store,
    IBackgroundJobClient jobs,
    TimeProvider clock)
{
    /// <summary>Streams the archive to disk, checks its layout and queues its import; returns the import.</summary>
    public async Task<ArchiveImportView> StartAsync(Caller caller, int athleteId, string fileName, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireImportAsync(db, caller, athleteId, ct);
        var name = TextLimits.Truncate(Path.GetFileName(fileName ?? ""), 260) is { Length: > 0 } n ? n : "export.zip";
        var (storedName, size) = await store.SaveAsync(content, name, ct);
        ExportLayout layout;
        try
        {
            layout = DetectLayout(store.PathOf(storedName));
        }
        catch
        {
            store.Delete(storedName);
            throw;
        }

        var import = new ArchiveImport
        {
            AthleteId = athleteId,
            RequestedByUserId = caller.UserId,
            FileName = name,
            StoredName = storedName,
            SizeBytes = size,
            Layout = layout,
            Status = ArchiveImportStatus.Queued,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ArchiveImports.Add(import);
        await AuditLog.AddAsync(db, clock, AuditActions.Upload, caller.UserId, $"athlete {athleteId}", $"{layout} history archive {name}", ct: ct);
        await db.SaveChangesAsync(ct);
        import.JobId = jobs.Enqueue<ArchiveImportJob>(JobQueues.Import, j => j.RunAsync(import.Id, CancellationToken.None));
        await db.SaveChangesAsync(ct);
        return ArchiveImportView.From(import);
    }

    /// <summary>An import with its progress and counts.</summary>
    public async Task<ArchiveImportView> GetAsync(Caller caller, int importId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ArchiveImportView.From(await FindVisibleAsync(db, caller, importId, ct));
    }

    /// <summary>The latest imports for an athlete the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<ArchiveImportView>> ListForAthleteAsync(Caller caller, int athleteId, int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireImportAsync(db, caller, athleteId, ct);
        var list = await db.ArchiveImports.AsNoTracking().Where(a => a.AthleteId == athleteId)
            .OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return [.. list.Select(ArchiveImportView.From)];
    }

    /// <summary>The per-file results of an import in archive order, optionally of one outcome only.</summary>
    public async Task<IReadOnlyList<ArchiveEntryView>> EntriesAsync(Caller caller, int importId, ArchiveEntryOutcome? outcome = null, int skip = 0, int take = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindVisibleAsync(db, caller, importId, ct);
        var entries = db.ArchiveImportEntries.AsNoTracking().Where(e => e.ArchiveImportId == importId);
        if (outcome is { } o)
        {
            entries = entries.Where(e => e.Outcome == o);
        }

        return await entries.OrderBy(e => e.Id).Skip(skip).Take(take)
            .Select(e => new ArchiveEntryView(e.EntryName, e.Outcome, e.Message, e.SessionId,
                db.TrainingSessions.Where(s => s.Id == e.SessionId).Select(s => s.Title).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>Refuses, as <see cref="StartAsync"/> would, a caller who may not import for this athlete.</summary>
    public async Task RequireCanImportAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireImportAsync(db, caller, athleteId, ct);
    }

    // Entry names only (the central directory): the layout is known before anything is inflated or queued.
    private static ExportLayout DetectLayout(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var layout = ExportArchive.Detect(zip.Entries.Select(e => e.FullName)).Layout;
            return layout != ExportLayout.Unknown ? layout : throw new ValidationFailedException([new ValidationError("File",
                "This zip is neither a Strava export (activities.csv and an activities folder) nor a Garmin Connect export (zips of FIT files).")]);
        }
        catch (InvalidDataException ex)
        {
            throw new ValidationFailedException([new ValidationError("File", $"The file is not a readable zip archive: {ex.Message}")]);
        }
    }

    private static async Task<ArchiveImport> FindVisibleAsync(AppDbContext db, Caller caller, int importId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        return await db.ArchiveImports.AsNoTracking().FirstOrDefaultAsync(a => a.Id == importId && visible.Contains(a.AthleteId), ct)
            ?? throw new NotFoundException("Import not found.");
    }

    private static async Task RequireImportAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // VisibleAthletes is exactly "may import for": admins all, coaches their teams' athletes, athletes themselves.
        if (!await db.VisibleAthletes(caller).AnyAsync(a => a.Id == athleteId && !a.IsArchived, ct))
        {
            throw new ForbiddenException("You may import a history only for yourself or for athletes of the teams you coach.");
        }
    }
}
