namespace CoachPortal.Core.Media;

/// <summary>A coach's verdict on one frame of a clip, e.g. "good" or "fix" for a back squat.</summary>
public class FrameLabel
{
    public int Id { get; set; }

    public int MediaId { get; set; }

    public int FrameIndex { get; set; }

    /// <summary>Seconds from the start of the clip, as the player showed it.</summary>
    public double TimeSeconds { get; set; }

    /// <summary>See <see cref="FrameLabels"/>.</summary>
    public string Label { get; set; } = "";

    public string? Exercise { get; set; }

    public string? Note { get; set; }

    public string ByUserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
