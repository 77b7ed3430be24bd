using System.Globalization;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Media;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Archives;
using CoachPortal.Core.Sessions.Files;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Exports;

/// <summary>
/// Erasure of an athlete (GDPR Art. 17): the athlete asks, their coach or an admin erases. Every row about the
/// athlete goes, their account too, and the original files no one else uploaded; models that learnt from their data
/// are marked for retraining, and the audit trail keeps a line that names the athlete only by number.
/// </summary>
public sealed class ErasureService(IDbContextFactory<AppDbContext> dbFactory, IFileStore files, ArchiveStore archives, ChangeNotifier notifier, TimeProvider clock)
{
    /// <summary>The athlete asks for their own data to be erased.</summary>
    public async Task RequestAsync(Caller caller, int athleteId, string? address = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        if (athlete.UserId != caller.UserId)
        {
            throw new ForbiddenException("Only the athlete can ask for their own data to be erased; a coach erases it directly.");
        }

        athlete.ErasureRequestedUtc ??= clock.GetUtcNow().UtcDateTime;
        await AuditLog.AddAsync(db, clock, AuditActions.ErasureRequested, caller.UserId, $"athlete {athleteId}", null, address, ct);
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Team(athlete.TeamId));
    }

    /// <summary>Erases the athlete; their team's coach or an admin only. Returns what was removed.</summary>
    public async Task<ErasureResult> EraseAsync(Caller caller, int athleteId, string? address = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        if (!db.CanManageTeam(caller, athlete.TeamId))
        {
            // The caller sees the athlete (their own profile), so refusing openly reveals nothing.
            throw new ForbiddenException("Only the athlete's coach or an administrator can erase an athlete; ask for erasure instead.");
        }

        var hashes = await db.UploadedFiles.Where(f => f.AthleteId == athleteId).Select(f => f.Sha256)
            .Concat(db.SessionMedia.Where(m => m.AthleteId == athleteId).Select(m => m.Sha256)).Distinct().ToListAsync(ct);
        // History archives still waiting for (or failed in) their import; their rows go with the athlete.
        var storedArchives = await db.ArchiveImports.Where(a => a.AthleteId == athleteId).Select(a => a.StoredName).ToListAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mediaIds = db.SessionMedia.Where(m => m.AthleteId == athleteId).Select(m => m.Id);
        await db.FrameLabels.Where(l => mediaIds.Contains(l.MediaId)).ExecuteDeleteAsync(ct);
        await db.MediaKeypoints.Where(k => mediaIds.Contains(k.MediaId)).ExecuteDeleteAsync(ct);
        var media = await db.SessionMedia.Where(m => m.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        await db.ModelPredictions.Where(p => p.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        await db.PlannedSessions.Where(p => p.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        await db.PlanAssignments.Where(p => p.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        var sessions = await db.TrainingSessions.Where(s => s.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        var uploads = await db.UploadedFiles.Where(f => f.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        var checkIns = await db.WellnessCheckIns.Where(w => w.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        await db.DailyLoads.Where(d => d.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        await db.PerformanceTests.Where(t => t.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        await db.Injuries.Where(i => i.AthleteId == athleteId).ExecuteDeleteAsync(ct);
        await db.Athletes.Where(a => a.Id == athleteId).ExecuteDeleteAsync(ct);
        var account = false;
        if (athlete.UserId is { } userId && userId != caller.UserId)
        {
            await db.SignIns.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            account = await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct) > 0;
        }

        var today = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var models = await db.ModelVersions.Where(v => v.TeamId == athlete.TeamId && v.RetrainReason == null)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.RetrainReason, $"Learnt from an athlete erased on {today}: train again without their data."), ct);
        var result = new ErasureResult(sessions, uploads, checkIns, account, models, media);
        await AuditLog.AddAsync(db, clock, AuditActions.Erasure, caller.UserId, $"athlete {athleteId} of team {athlete.TeamId}", result.ToString(), address, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // Content-addressed bytes go once no other upload or clip (another athlete's copy) refers to them.
        await MediaService.DeleteUnusedBytesAsync(db, files, hashes, ct);

        foreach (var storedName in storedArchives)
        {
            archives.Delete(storedName);
        }

        notifier.Publish(Topics.Team(athlete.TeamId));
        return result;
    }
}
