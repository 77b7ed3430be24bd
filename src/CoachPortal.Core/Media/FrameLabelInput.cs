namespace CoachPortal.Core.Media;

/// <summary>A coach's label for one frame; see <see cref="FrameLabels"/>.</summary>
public sealed record FrameLabelInput(int FrameIndex, double TimeSeconds, string Label, string? Exercise = null, string? Note = null);
