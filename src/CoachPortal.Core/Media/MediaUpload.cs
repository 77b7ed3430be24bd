namespace CoachPortal.Core.Media;

/// <summary>
/// A photo or clip to attach: to a recorded session (<see cref="SessionId"/>) or a planned one
/// (<see cref="PlannedSessionId"/>), exactly one of them. <see cref="Poster"/> is a video's first frame as the
/// browser drew it (JPEG, PNG or WebP), for the thumbnail.
/// </summary>
public sealed record MediaUpload(int? SessionId, int? PlannedSessionId, string FileName, byte[] Content)
{
    public string? Exercise { get; init; }

    public byte[]? Poster { get; init; }

    public int? WidthPixels { get; init; }

    public int? HeightPixels { get; init; }
}
