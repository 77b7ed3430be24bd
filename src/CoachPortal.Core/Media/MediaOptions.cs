using System.ComponentModel.DataAnnotations;

namespace CoachPortal.Core.Media;

/// <summary>Section <c>Media</c>: limits of photos and clips attached to sessions.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Largest photo accepted, in bytes (default 15 MB; a 48-MP phone JPEG is about 12 MB).</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxPhotoBytes { get; set; } = 15L * 1024 * 1024;

    /// <summary>
    /// Largest video accepted, in bytes (default 100 MB: about a minute of 1080p from a phone). Each upload is held in
    /// server memory while it is checked and stored, so large limits cost memory per concurrent upload.
    /// </summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxVideoBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Most pose frames kept per clip (default 18,000: ten minutes at 30 fps, about 2 MB packed).</summary>
    [Range(1, 1_000_000)]
    public int MaxPoseFrames { get; set; } = 18_000;
}
