namespace CoachPortal.Core.Media;

/// <summary>A photo or clip as the gallery shows it, with what the caller may do with it.</summary>
public sealed record MediaItem(
    int Id,
    int AthleteId,
    int? SessionId,
    int? PlannedSessionId,
    MediaKind Kind,
    string ContentType,
    string OriginalName,
    long SizeBytes,
    bool HasThumbnail,
    int? WidthPixels,
    int? HeightPixels,
    string? Exercise,
    DateTime CreatedUtc,
    int PoseFrames,
    bool CanDelete,
    bool CanLabel);
