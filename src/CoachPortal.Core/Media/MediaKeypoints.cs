namespace CoachPortal.Core.Media;

/// <summary>
/// The pose landmarks the coach's browser found in a video, one row per clip: 33 landmarks × (x, y, z, visibility)
/// per sampled frame, packed by <see cref="KeypointCodec"/>.
/// </summary>
public class MediaKeypoints
{
    public int MediaId { get; set; }

    /// <summary>Frames per second at which the landmarks were sampled.</summary>
    public double FramesPerSecond { get; set; }

    public int FrameCount { get; set; }

    /// <summary>Frame width / height the normalised x and y refer to.</summary>
    public double AspectRatio { get; set; }

    public byte[] Data { get; set; } = [];

    public string CreatedByUserId { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }
}
