using CoachPortal.Core.Athletes;
using CoachPortal.Core.Sessions;

namespace CoachPortal.Core.Media;

/// <summary>
/// A photo or short video attached to a recorded session, or to a planned one as the technique to aim for. The
/// original bytes are in the configured <see cref="Sessions.Files.IFileStore"/>, named by their SHA-256, as for
/// device files; only the athlete and their coaches see it.
/// </summary>
public class SessionMedia
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    /// <summary>The recorded session; null when the media belongs to a planned session.</summary>
    public int? SessionId { get; set; }

    public TrainingSession? Session { get; set; }

    /// <summary>
    /// The planned session it shows the target technique for; null for a recorded session's media. No foreign key:
    /// plans are rewritten when re-personalised, and the athlete's reference clip outlives the planned row.
    /// </summary>
    public int? PlannedSessionId { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>The type the content sniffing found (never the one the browser claimed).</summary>
    public string ContentType { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes; the store's key.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>A small JPEG (longest side <see cref="MediaThumbnails.MaxSidePixels"/>); null for a video without a poster frame.</summary>
    public byte[]? Thumbnail { get; set; }

    /// <summary>Frame width and height in pixels, when known (photos always; videos from the browser).</summary>
    public int? WidthPixels { get; set; }

    public int? HeightPixels { get; set; }

    /// <summary>What the clip shows, e.g. "back squat"; labels and repetition rules refer to it.</summary>
    public string? Exercise { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
