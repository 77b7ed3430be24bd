namespace CoachPortal.Core.Media;

public sealed record FrameLabelView(int Id, int FrameIndex, double TimeSeconds, string Label, string? Exercise, string? Note, string? ByEmail, DateTime CreatedUtc);
