using System.Security.Cryptography;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Ingest.Csv;
using CoachPortal.Ingest.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// Accepts device files: checks who may upload for whom and the size limit, stores the original bytes first, then
/// queues <see cref="SessionImportJob"/>. Coaches upload for any athlete of their teams, athletes only for themselves.
/// An import whose job died with its server, or was lost before it was queued, is interrupted: it can be retried,
/// and the same bytes uploaded again queue it again instead of becoming its duplicate.
/// </summary>
public sealed class SessionImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    IBackgroundJobClient jobs,
    JobLiveness liveness,
    SessionChangePublisher changes,
    CsvMappingService csvMappings,
    IOptions<UploadOptions> options,
    TimeProvider clock)
{
    // Between storing a file and queuing its job the row has no job id yet; a crash there leaves it so for good.
    private static readonly TimeSpan s_unqueuedGrace = TimeSpan.FromMinutes(1);

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>
    /// Stores <paramref name="content"/> for <paramref name="athleteId"/> and queues its import. The same bytes
    /// uploaded again for the same athlete are recorded as a duplicate and not imported again.
    /// </summary>
    public Task<UploadView> UploadAsync(Caller caller, int athleteId, string fileName, byte[] content, CancellationToken ct = default) =>
        UploadAsync(caller, athleteId, fileName, content, null, ct);

    /// <summary>
    /// As the overload without a mapping; for a CSV file, <paramref name="csvMapping"/> is the mapping chosen by hand:
    /// it is used for this file and remembered for the team's next files with the same header line.
    /// </summary>
    public async Task<UploadView> UploadAsync(Caller caller, int athleteId, string fileName, byte[] content, CsvColumnMapping? csvMapping, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireUploadAsync(db, caller, athleteId, ct);
        var name = Path.GetFileName(fileName ?? "");
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "upload";
        }

        if (content.Length == 0)
        {
            throw new ValidationFailedException([new ValidationError("File", $"\"{name}\" is empty.")]);
        }

        if (content.LongLength > options.Value.MaxFileBytes)
        {
            throw new ValidationFailedException([new ValidationError("File",
                $"\"{name}\" is {content.LongLength / 1048576.0:0.#} MB; the limit is {options.Value.MaxFileBytes / 1048576.0:0.#} MB per file.")]);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var file = new UploadedFile
        {
            AthleteId = athleteId,
            UploadedByUserId = caller.UserId,
            OriginalName = name.Truncate(260),
            SizeBytes = content.LongLength,
            Sha256 = hash,
            Status = UploadStatus.Stored,
        };

        var earlier = await db.UploadedFiles.AsNoTracking()
            .Where(f => f.AthleteId == athleteId && f.Sha256 == hash && f.Status != UploadStatus.Failed && f.Status != UploadStatus.Duplicate)
            .OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (earlier is not null && IsInterrupted(earlier))
        {
            // The original never imported: queue it again rather than record a duplicate of a file that has no session.
            await files.PutAsync(hash, content, ct);
            var original = await db.UploadedFiles.FirstAsync(f => f.Id == earlier.Id, ct);
            await RequeueAsync(db, original, ct);
            return await ViewAsync(db, original, ct);
        }

        if (earlier is not null)
        {
            file.Status = UploadStatus.Duplicate;
            file.DuplicateOfFileId = earlier.Id;
            file.FailureReason = $"Already uploaded as \"{earlier.OriginalName}\" on {earlier.CreatedUtc:yyyy-MM-dd HH:mm} UTC; no new session was created.";
            file.FinishedUtc = DateTime.UtcNow;
            db.UploadedFiles.Add(file);
            await db.SaveChangesAsync(ct);
            changes.OnUploadChanged(athleteId);
            return UploadView.From(file);
        }

        if (csvMapping is not null && CsvMappingService.IsCsv(name, content))
        {
            var teamId = await db.Athletes.Where(a => a.Id == athleteId).Select(a => a.TeamId).FirstAsync(ct);
            file.CsvMappingJson = CsvMappingService.Serialize(csvMapping);
            await csvMappings.RememberAsync(db, teamId, content, csvMapping, ct);
        }

        // Bytes first: whatever happens next, the original is never lost.
        await files.PutAsync(hash, content, ct);
        db.UploadedFiles.Add(file);
        await AuditLog.AddAsync(db, clock, AuditActions.Upload, caller.UserId, $"athlete {athleteId}", name, ct: ct);
        await db.SaveChangesAsync(ct);
        file.JobId = jobs.Enqueue<SessionImportJob>(JobQueues.Import, j => j.RunAsync(file.Id, CancellationToken.None));
        await db.SaveChangesAsync(ct);
        changes.OnUploadChanged(athleteId);
        return UploadView.From(file);
    }

    /// <summary>
    /// Queues a failed import again (e.g. after a decoder fix), or an interrupted one (its job died with its server).
    /// The original bytes were kept, and the import skips the sessions it already stored.
    /// </summary>
    public async Task<UploadView> RetryAsync(Caller caller, int fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await FindVisibleAsync(db, caller, fileId, ct);
        await RequireUploadAsync(db, caller, file.AthleteId, ct);
        if (file.Status != UploadStatus.Failed && !IsInterrupted(file))
        {
            throw new ValidationFailedException([new ValidationError("File", "Only a failed or interrupted import can be retried.")]);
        }

        await RequeueAsync(db, file, ct);
        return await GetAsync(caller, fileId, ct);
    }

    private async Task RequeueAsync(AppDbContext db, UploadedFile file, CancellationToken ct)
    {
        file.Status = UploadStatus.Stored;
        file.FailureReason = null;
        file.FinishedUtc = null;
        await db.UploadEntryResults.Where(e => e.UploadedFileId == file.Id && !e.Succeeded).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        // The same job when it still exists: one job id per file, so two copies of an import never run at once
        // (SingleRunFilter) and a sweep that finds the old one orphaned moves nothing.
        if (file.JobId is null || !jobs.Requeue(file.JobId))
        {
            file.JobId = jobs.Enqueue<SessionImportJob>(JobQueues.Import, j => j.RunAsync(file.Id, CancellationToken.None));
            await db.SaveChangesAsync(ct);
        }

        changes.OnUploadChanged(file.AthleteId);
    }

    private bool IsInterrupted(UploadedFile file) =>
        file.Status is UploadStatus.Stored or UploadStatus.Importing
        && (file.JobId is not null || DateTime.UtcNow - file.CreatedUtc > s_unqueuedGrace)
        && liveness.StateOf(file.JobId) is JobRunState.Gone or JobRunState.Orphaned;

    private UploadView View(UploadedFile file, IReadOnlyDictionary<int, (int? RecoveredPercent, bool AwaitingReview)>? damaged = null) =>
        UploadView.From(file, damaged) with { IsInterrupted = IsInterrupted(file) };

    private async Task<UploadView> ViewAsync(AppDbContext db, UploadedFile file, CancellationToken ct)
    {
        await db.Entry(file).Collection(f => f.Entries).LoadAsync(ct);
        return View(file, await DamagedSessionsAsync(db, [file.Id], ct));
    }

    public async Task<UploadView> GetAsync(Caller caller, int fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await FindVisibleAsync(db, caller, fileId, ct);
        return await ViewAsync(db, file, ct);
    }

    /// <summary>The latest uploads for an athlete the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<UploadView>> ListForAthleteAsync(Caller caller, int athleteId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleAthletes(caller).AnyAsync(a => a.Id == athleteId, ct))
        {
            throw new NotFoundException("Athlete not found.");
        }

        var list = await db.UploadedFiles.AsNoTracking().Include(f => f.Entries)
            .Where(f => f.AthleteId == athleteId).OrderByDescending(f => f.Id).Take(take).ToListAsync(ct);
        var damaged = await DamagedSessionsAsync(db, [.. list.Select(f => f.Id)], ct);
        return list.Select(f => View(f, damaged)).ToList();
    }

    /// <summary>
    /// Keeps a session from a damaged file: from now on it counts in loads, curves and datasets like any other, and
    /// the loads are recomputed from its day. Only the athlete or a coach of the athlete's team (or an administrator).
    /// </summary>
    public async Task KeepDamagedAsync(Caller caller, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await FindAwaitingReviewAsync(db, caller, sessionId, ct);
        session.AwaitingReview = false;
        await db.SaveChangesAsync(ct);
        changes.OnSessionsChanged(session.AthleteId, DateOnly.FromDateTime(session.StartUtc));
        changes.OnUploadChanged(session.AthleteId);
    }

    /// <summary>
    /// Discards a session from a damaged file: the session goes, the original bytes stay, and its entry becomes a
    /// refused one with the reason (the file is Failed when nothing else of it was imported), so it can be retried.
    /// </summary>
    public async Task DiscardDamagedAsync(Caller caller, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await FindAwaitingReviewAsync(db, caller, sessionId, ct);
        var file = await db.UploadedFiles.Include(f => f.Entries).FirstAsync(f => f.Id == session.SourceFileId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var entry in file.Entries.Where(e => e.SessionId == sessionId))
        {
            entry.Succeeded = false;
            entry.SessionId = null;
            entry.Message = $"Discarded: {entry.Message ?? "the file is damaged"}".Truncate(2000);
        }

        // Entries of other files that pointed at it as their duplicate no longer have a session either.
        await db.UploadEntryResults.Where(e => e.SessionId == sessionId && e.UploadedFileId != file.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.SessionId, (int?)null).SetProperty(e => e.Succeeded, false), ct);
        db.TrainingSessions.Remove(session);
        await AuditLog.AddAsync(db, clock, AuditActions.Deletion, caller.UserId, $"athlete {session.AthleteId}", $"damaged session {sessionId} of {file.OriginalName}", ct: ct);
        await db.SaveChangesAsync(ct);
        file.SessionCount = await db.TrainingSessions.CountAsync(s => s.SourceFileId == file.Id, ct);
        if (!file.Entries.Any(e => e.Succeeded))
        {
            file.Status = UploadStatus.Failed;
            file.FailureReason = string.Join("\n", file.Entries.Where(e => !e.Succeeded)
                .Select(e => file.Entries.Count == 1 ? e.Message : $"{e.EntryName}: {e.Message}")).Truncate(2000);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        changes.OnUploadChanged(file.AthleteId);
    }

    /// <summary>Athletes the caller may upload for (own profile, or every athlete of the teams they coach).</summary>
    public async Task<IReadOnlyList<UploadTarget>> ListTargetsAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VisibleAthletes(caller).Where(a => !a.IsArchived)
            .OrderBy(a => a.Team!.Name).ThenBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new UploadTarget(a.Id, a.FirstName + " " + a.LastName, a.Team!.Name))
            .ToListAsync(ct);
    }

    // The same rule as uploading: the athlete, a coach of the athlete's team, or an administrator.
    private static async Task<TrainingSession> FindAwaitingReviewAsync(AppDbContext db, Caller caller, int sessionId, CancellationToken ct)
    {
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId && visible.Contains(s.AthleteId), ct)
            ?? throw new NotFoundException("Session not found.");
        if (!session.AwaitingReview || session.SourceFileId is null)
        {
            throw new ValidationFailedException([new ValidationError("Session", "Only a session from a damaged file that is awaiting review can be kept or discarded.")]);
        }

        return session;
    }

    private static async Task<Dictionary<int, (int? RecoveredPercent, bool AwaitingReview)>> DamagedSessionsAsync(AppDbContext db, List<int> fileIds, CancellationToken ct)
    {
        var rows = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.SourceFileId != null && fileIds.Contains(s.SourceFileId.Value) && s.RecoveredPercent != null)
            .Select(s => new { s.Id, s.RecoveredPercent, s.AwaitingReview }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.RecoveredPercent, r.AwaitingReview));
    }

    private static async Task<UploadedFile> FindVisibleAsync(AppDbContext db, Caller caller, int fileId, CancellationToken ct)
    {
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        return await db.UploadedFiles.FirstOrDefaultAsync(f => f.Id == fileId && visible.Contains(f.AthleteId), ct)
            ?? throw new NotFoundException("File not found.");
    }

    private static async Task RequireUploadAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct)
    {
        // VisibleAthletes is exactly "may upload for": admins all, coaches their teams' athletes, athletes themselves.
        if (!await db.VisibleAthletes(caller).AnyAsync(a => a.Id == athleteId, ct))
        {
            throw new ForbiddenException("You may upload only for yourself or for athletes of the teams you coach.");
        }
    }
}
