namespace CoachPortal.Core.Media;

/// <summary>A clip the caller may put beside another: the same athlete's or a teammate's video.</summary>
public sealed record ClipChoice(int Id, int AthleteId, string AthleteName, string Name, DateTime CreatedUtc, int PoseFrames);
