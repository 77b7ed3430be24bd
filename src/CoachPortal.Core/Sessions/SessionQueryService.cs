using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.Streams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Sessions;

/// <summary>
/// Reads sessions for the pages (only of athletes the caller may see) and takes the athlete's feedback
/// (RPE and comment), which the athlete and their coaches may edit.
/// </summary>
public sealed class SessionQueryService(IDbContextFactory<AppDbContext> dbFactory, IFileStore files, SessionChangePublisher changes)
{
    /// <summary>Most points per chart series sent to the browser.</summary>
    public const int MaxChartPoints = 2000;

    public async Task<SessionListPage> ListAsync(Caller caller, int athleteId, SessionFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleAthletes(caller).AnyAsync(a => a.Id == athleteId, ct))
        {
            throw new NotFoundException("Athlete not found.");
        }

        var query = db.TrainingSessions.AsNoTracking().Where(s => s.AthleteId == athleteId);
        if (!string.IsNullOrEmpty(filter.Sport))
        {
            query = query.Where(s => s.Sport == filter.Sport);
        }

        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(s => s.StartUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(s => s.StartUtc < toUtc);
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var items = await query.OrderByDescending(s => s.StartUtc).ThenByDescending(s => s.Id)
            .Skip(Math.Max(0, filter.Page) * size).Take(size)
            .Select(s => new SessionRow(s.Id, s.StartUtc, s.Sport, s.Title, s.DurationSeconds, s.DistanceMeters,
                s.AvgHeartRateBpm, s.AvgPowerWatts, s.Tss, s.HrTss, s.Rpe, s.SourceFileId,
                s.SourceFile == null ? null : s.SourceFile.OriginalName, s.ClassLabel, s.PredictedClassLabel, s.PredictedClassConfidence, s.IsSimulated))
            .ToListAsync(ct);
        return new SessionListPage(items, total);
    }

    /// <summary>The session with laps and each stream downsampled (LTTB) to at most <paramref name="maxPoints"/>.</summary>
    public async Task<SessionDetail> GetAsync(Caller caller, int sessionId, int maxPoints = MaxChartPoints, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Laps).Include(s => s.Athlete)
            .FirstOrDefaultAsync(s => s.Id == sessionId && visible.Contains(s.AthleteId), ct)
            ?? throw new NotFoundException("Session not found.");
        var fileName = session.SourceFileId is { } fid
            ? await db.UploadedFiles.Where(f => f.Id == fid).Select(f => f.OriginalName).FirstOrDefaultAsync(ct)
            : null;
        var blob = await db.SessionStreams.AsNoTracking().FirstOrDefaultAsync(d => d.SessionId == sessionId, ct);
        var series = blob is null ? [] : Downsample(StreamCodec.Decode(blob.Data, blob.Format), maxPoints);
        var laps = session.Laps.OrderBy(l => l.LapIndex).ToList();
        session.Laps = [];
        return new SessionDetail(session, session.Athlete!.FullName, fileName, CanEdit: true, laps, series, db.CanManageTeam(caller, session.Athlete.TeamId));
    }

    /// <summary>The session's stored 1 Hz streams at full resolution, or null when it has none.</summary>
    public async Task<StreamColumns?> GetStreamsAsync(Caller caller, int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        if (!await db.TrainingSessions.AnyAsync(s => s.Id == sessionId && visible.Contains(s.AthleteId), ct))
        {
            throw new NotFoundException("Session not found.");
        }

        var blob = await db.SessionStreams.AsNoTracking().FirstOrDefaultAsync(d => d.SessionId == sessionId, ct);
        return blob is null ? null : StreamCodec.Decode(blob.Data, blob.Format);
    }

    /// <summary>
    /// Sets RPE (1–10, or null) and comment, and recomputes the session-RPE load (Foster 2001: RPE × the session's
    /// duration in minutes). Reads only the session row, never its streams. Returns what changed, with the new version.
    /// </summary>
    public async Task<SessionFeedback> UpdateFeedbackAsync(Caller caller, int sessionId, int? rpe, string? comment, Guid expectedVersion, CancellationToken ct = default)
    {
        if (rpe is < 1 or > 10)
        {
            throw new ValidationFailedException([new ValidationError("Rpe", "RPE is a whole number from 1 to 10.")]);
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > 2000 })
        {
            throw new ValidationFailedException([new ValidationError("Comment", "The comment is longer than 2,000 characters.")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        var session = await db.TrainingSessions
            .FirstOrDefaultAsync(s => s.Id == sessionId && visible.Contains(s.AthleteId), ct)
            ?? throw new NotFoundException("Session not found.");
        db.Entry(session).Property(s => s.Version).OriginalValue = expectedVersion;
        session.Rpe = rpe;
        session.Comment = comment;
        session.SessionRpeLoad = rpe is { } r ? SessionRpe.Load(r, session.DurationSeconds / 60.0) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("session");
        }

        changes.OnSessionsChanged(session.AthleteId, DateOnly.FromDateTime(session.StartUtc));
        return new SessionFeedback(session.Version, session.Rpe, session.Comment, session.SessionRpeLoad);
    }

    /// <summary>
    /// Sets or clears (null) the session's class label. Only an administrator or a coach of the athlete's team may
    /// label; the athlete and other coaches may not. Returns the new version.
    /// </summary>
    public async Task<Guid> SetClassLabelAsync(Caller caller, int sessionId, string? label, Guid expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string? normalized = null;
        if (!string.IsNullOrWhiteSpace(label))
        {
            var index = SessionClassLabels.IndexOf(label);
            if (index < 0)
            {
                throw new ValidationFailedException([new ValidationError("ClassLabel",
                    $"\"{label.Trim()}\" is not a session class; use one of: {string.Join(", ", SessionClassLabels.All)}.")]);
            }

            normalized = SessionClassLabels.All[index];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        var session = await db.TrainingSessions.Include(s => s.Athlete)
            .FirstOrDefaultAsync(s => s.Id == sessionId && visible.Contains(s.AthleteId), ct)
            ?? throw new NotFoundException("Session not found.");
        if (!db.CanManageTeam(caller, session.Athlete!.TeamId))
        {
            throw new ForbiddenException("Only a coach of the athlete's team may label sessions.");
        }

        db.Entry(session).Property(s => s.Version).OriginalValue = expectedVersion;
        session.ClassLabel = normalized;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("session");
        }

        changes.OnSessionLabelled(session.AthleteId);
        return session.Version;
    }

    /// <summary>The original uploaded file, for download by anyone who may see its athlete.</summary>
    public async Task<OriginalFile> GetOriginalAsync(Caller caller, int fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        var file = await db.UploadedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && visible.Contains(f.AthleteId), ct)
            ?? throw new NotFoundException("File not found.");
        var content = await files.GetAsync(file.Sha256, ct) ?? throw new NotFoundException("The file's bytes are missing from the store.");
        var type = Path.GetExtension(file.OriginalName).ToUpperInvariant() switch
        {
            ".TCX" or ".GPX" => "application/xml",
            ".CSV" => "text/csv",
            ".ZIP" => "application/zip",
            _ => "application/octet-stream",
        };
        return new OriginalFile(file.OriginalName, type, content);
    }

    internal static List<StreamSeries> Downsample(StreamColumns columns, int maxPoints)
    {
        var x = new double[columns.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = columns.ElapsedSeconds[i];
        }

        var result = new List<StreamSeries>();
        Add("hr", "Heart rate", "bpm", columns.HeartRateBpm);
        Add("speed", "Speed", "km/h", Scale(columns.SpeedMetersPerSecond, 3.6));
        Add("power", "Power", "W", columns.PowerWatts);
        Add("altitude", "Altitude", "m", columns.AltitudeMeters);
        Add("cadence", "Cadence", "rpm", columns.CadenceRpm);
        return result;

        void Add(string key, string name, string unit, double[]? y)
        {
            if (y is null)
            {
                return;
            }

            var keep = Lttb.Select(x, y, maxPoints);
            if (keep.Length == 0)
            {
                return;
            }

            result.Add(new StreamSeries(key, name, unit, keep.Select(i => x[i]).ToArray(), keep.Select(i => Math.Round(y[i], 2)).ToArray()));
        }
    }

    private static double[]? Scale(double[]? column, double factor) => column?.Select(v => v * factor).ToArray();
}
