using System.Security.Cryptography;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Media;

/// <summary>
/// Photos and clips on sessions: stored as original files are (content-sniffed, size-limited, bytes kept in the
/// <see cref="IFileStore"/>), seen only by the athlete and their coaches, audited on upload and deletion.
/// </summary>
public sealed class MediaService(IDbContextFactory<AppDbContext> dbFactory, IFileStore files, IOptions<MediaOptions> options, TimeProvider clock)
{
    /// <summary>The largest file of either kind; what a page may read from the browser before sniffing.</summary>
    public long MaxUploadBytes => Math.Max(options.Value.MaxPhotoBytes, options.Value.MaxVideoBytes);

    public async Task<int> UploadAsync(Caller caller, MediaUpload upload, string? address = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.SessionId is null == upload.PlannedSessionId is null)
        {
            throw Invalid("Target", "Attach the file to one session or one planned session.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athletes = db.VisibleAthletes(caller).Select(a => a.Id);
        var athleteId = upload.SessionId is { } sessionId
            ? await db.TrainingSessions.Where(s => s.Id == sessionId && athletes.Contains(s.AthleteId)).Select(s => (int?)s.AthleteId).FirstOrDefaultAsync(ct)
            : await db.PlannedSessions.Where(s => s.Id == upload.PlannedSessionId && athletes.Contains(s.AthleteId)).Select(s => (int?)s.AthleteId).FirstOrDefaultAsync(ct);
        if (athleteId is null)
        {
            throw new NotFoundException("Session not found.");
        }

        var sniffed = Check(upload.Content);
        byte[]? thumbnail = null;
        int? width = upload.WidthPixels, height = upload.HeightPixels;
        if (sniffed.Kind == MediaKind.Photo)
        {
            var made = MediaThumbnails.Make(upload.Content) ?? throw Invalid("File", "The photo could not be decoded.");
            (width, height, thumbnail) = made;
        }
        else if (upload.Poster is { Length: > 0 } poster)
        {
            thumbnail = PosterThumbnail(poster);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content));
        await files.PutAsync(sha256, upload.Content, ct);
        var media = new SessionMedia
        {
            AthleteId = athleteId.Value,
            SessionId = upload.SessionId,
            PlannedSessionId = upload.PlannedSessionId,
            Kind = sniffed.Kind,
            ContentType = sniffed.ContentType,
            OriginalName = SafeName(upload.FileName),
            SizeBytes = upload.Content.Length,
            Sha256 = sha256,
            Thumbnail = thumbnail,
            WidthPixels = width is > 0 and <= 16_384 ? width : null,
            HeightPixels = height is > 0 and <= 16_384 ? height : null,
            Exercise = string.IsNullOrWhiteSpace(upload.Exercise) ? null : upload.Exercise.Trim()[..Math.Min(80, upload.Exercise.Trim().Length)],
            CreatedByUserId = caller.UserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(media);
        await db.SaveChangesAsync(ct);
        await AuditLog.AddAsync(db, clock, AuditActions.Upload, caller.UserId, $"media {media.Id} of athlete {media.AthleteId}", $"{media.ContentType}, {media.SizeBytes} bytes", address, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return media.Id;
    }

    /// <summary>The media of a recorded session (or, with <paramref name="planned"/>, of a planned one), newest first.</summary>
    public async Task<IReadOnlyList<MediaItem>> ListAsync(Caller caller, int sessionId, bool planned = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db, caller);
        query = planned ? query.Where(m => m.PlannedSessionId == sessionId) : query.Where(m => m.SessionId == sessionId);
        var rows = await query.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id).Select(Row(db)).ToListAsync(ct);
        return [.. rows.Select(r => ToItem(db, caller, r))];
    }

    public async Task<MediaItem> GetAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Visible(db, caller).Where(m => m.Id == mediaId).Select(Row(db)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Media not found.");
        return ToItem(db, caller, row);
    }

    /// <summary>One clip as the compare page heads it; not found unless the caller may see it and it is a video.</summary>
    public async Task<ClipChoice> ClipAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Choices(db, Visible(db, caller).Where(m => m.Id == mediaId && m.Kind == MediaKind.Video)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Media not found.");
    }

    /// <summary>
    /// Videos that can be compared with <paramref name="mediaId"/>: the same athlete's and their teammates', of those
    /// the caller may see, newest first. Not found when the caller may not see the clip itself.
    /// </summary>
    public async Task<IReadOnlyList<ClipChoice>> CompareChoicesAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = Visible(db, caller);
        var clip = await visible.Where(m => m.Id == mediaId).Select(m => new { m.AthleteId, m.Athlete!.TeamId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Media not found.");
        var query = visible.Where(m => m.Id != mediaId && m.Kind == MediaKind.Video && (m.AthleteId == clip.AthleteId || m.Athlete!.TeamId == clip.TeamId))
            .OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id);
        return await Choices(db, query).Take(200).ToListAsync(ct);
    }

    private static IQueryable<ClipChoice> Choices(AppDbContext db, IQueryable<SessionMedia> media) =>
        media.Select(m => new ClipChoice(m.Id, m.AthleteId, m.Athlete!.FirstName + " " + m.Athlete.LastName, m.Exercise ?? m.OriginalName, m.CreatedUtc,
            db.Set<MediaKeypoints>().Where(k => k.MediaId == m.Id).Select(k => k.FrameCount).FirstOrDefault()));

    /// <summary>The original bytes, for the player and for download.</summary>
    public async Task<OriginalFile> ContentAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var media = await Visible(db, caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, ct)
            ?? throw new NotFoundException("Media not found.");
        var bytes = await files.GetAsync(media.Sha256, ct) ?? throw new NotFoundException("The media's bytes are missing from the file store.");
        return new OriginalFile(media.OriginalName, media.ContentType, bytes);
    }

    /// <summary>The thumbnail JPEG, or null when there is none (a video without a poster frame).</summary>
    public async Task<byte[]?> ThumbnailAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await Visible(db, caller).Where(m => m.Id == mediaId).Select(m => new { m.Thumbnail }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Media not found.");
        return found.Thumbnail;
    }

    /// <summary>Sets a video's poster frame (drawn by the browser) and its frame size; whoever may see the clip.</summary>
    public async Task SetPosterAsync(Caller caller, int mediaId, byte[] poster, int widthPixels, int heightPixels, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var media = await Visible(db, caller).FirstOrDefaultAsync(m => m.Id == mediaId, ct) ?? throw new NotFoundException("Media not found.");
        if (media.Kind != MediaKind.Video)
        {
            throw Invalid("Poster", "Only a video takes a poster frame.");
        }

        media.Thumbnail = PosterThumbnail(poster);
        if (widthPixels is > 0 and <= 16_384 && heightPixels is > 0 and <= 16_384)
        {
            media.WidthPixels = widthPixels;
            media.HeightPixels = heightPixels;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the media with its pose and labels; the uploader, the athlete's coach or an admin.</summary>
    public async Task DeleteAsync(Caller caller, int mediaId, string? address = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var media = await Visible(db, caller).FirstOrDefaultAsync(m => m.Id == mediaId, ct) ?? throw new NotFoundException("Media not found.");
        var teamId = await db.Athletes.Where(a => a.Id == media.AthleteId).Select(a => a.TeamId).FirstAsync(ct);
        if (media.CreatedByUserId != caller.UserId && !db.CanManageTeam(caller, teamId))
        {
            throw new ForbiddenException("Only whoever attached it, the athlete's coach or an administrator can delete this.");
        }

        db.Remove(media);
        await AuditLog.AddAsync(db, clock, AuditActions.Deletion, caller.UserId, $"media {media.Id} of athlete {media.AthleteId}", media.ContentType, address, ct);
        await db.SaveChangesAsync(ct);
        await DeleteUnusedBytesAsync(db, files, [media.Sha256], ct);
    }

    /// <summary>Removes content-addressed bytes that no media and no uploaded file refers to any more.</summary>
    public static async Task DeleteUnusedBytesAsync(AppDbContext db, IFileStore files, IReadOnlyCollection<string> hashes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        var used = await db.Set<SessionMedia>().Where(m => hashes.Contains(m.Sha256)).Select(m => m.Sha256)
            .Concat(db.UploadedFiles.Where(f => hashes.Contains(f.Sha256)).Select(f => f.Sha256))
            .Distinct().ToListAsync(ct);
        foreach (var hash in hashes.Except(used))
        {
            await files.DeleteAsync(hash, ct);
        }
    }

    internal static IQueryable<SessionMedia> Visible(AppDbContext db, Caller caller)
    {
        var athletes = db.VisibleAthletes(caller).Select(a => a.Id);
        return db.Set<SessionMedia>().Where(m => athletes.Contains(m.AthleteId));
    }

    private SniffedMedia Check(byte[] content)
    {
        if (content is null || content.Length == 0)
        {
            throw Invalid("File", "The file is empty.");
        }

        var sniffed = MediaSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, 64)))
            ?? throw Invalid("File", "Only JPEG, PNG or WebP photos and MP4, QuickTime or WebM videos can be attached.");
        var limit = sniffed.Kind == MediaKind.Photo ? options.Value.MaxPhotoBytes : options.Value.MaxVideoBytes;
        if (content.Length > limit)
        {
            throw Invalid("File", $"The {(sniffed.Kind == MediaKind.Photo ? "photo" : "video")} is larger than the limit of {limit / (1024 * 1024)} MB.");
        }

        return sniffed;
    }

    private byte[] PosterThumbnail(byte[] poster)
    {
        if (poster.Length > options.Value.MaxPhotoBytes || MediaSniffer.Sniff(poster.AsSpan(0, Math.Min(poster.Length, 64))) is not { Kind: MediaKind.Photo })
        {
            throw Invalid("Poster", "The poster frame must be a JPEG, PNG or WebP image.");
        }

        return (MediaThumbnails.Make(poster) ?? throw Invalid("Poster", "The poster frame could not be decoded.")).Jpeg;
    }

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name ?? "").Trim();
        file = new string([.. file.Where(c => !char.IsControl(c))]);
        return string.IsNullOrEmpty(file) ? "media" : file[..Math.Min(file.Length, 200)];
    }

    private static ValidationFailedException Invalid(string field, string message) => new([new ValidationError(field, message)]);

    private static System.Linq.Expressions.Expression<Func<SessionMedia, MediaRow>> Row(AppDbContext db) => m => new MediaRow(
        m.Id, m.AthleteId, m.Athlete!.TeamId, m.SessionId, m.PlannedSessionId, m.Kind, m.ContentType, m.OriginalName, m.SizeBytes,
        m.Thumbnail != null, m.WidthPixels, m.HeightPixels, m.Exercise, m.CreatedUtc, m.CreatedByUserId,
        db.Set<MediaKeypoints>().Where(k => k.MediaId == m.Id).Select(k => k.FrameCount).FirstOrDefault());

    private static MediaItem ToItem(AppDbContext db, Caller caller, MediaRow r)
    {
        var manages = db.CanManageTeam(caller, r.TeamId);
        return new MediaItem(r.Id, r.AthleteId, r.SessionId, r.PlannedSessionId, r.Kind, r.ContentType, r.OriginalName, r.SizeBytes,
            r.HasThumbnail, r.Width, r.Height, r.Exercise, r.CreatedUtc, r.PoseFrames, manages || r.CreatedBy == caller.UserId, manages);
    }

    private sealed record MediaRow(
        int Id, int AthleteId, int TeamId, int? SessionId, int? PlannedSessionId, MediaKind Kind, string ContentType, string OriginalName,
        long SizeBytes, bool HasThumbnail, int? Width, int? Height, string? Exercise, DateTime CreatedUtc, string CreatedBy, int PoseFrames);
}
