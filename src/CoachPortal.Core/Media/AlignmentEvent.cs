namespace CoachPortal.Core.Media;

/// <summary>A moment two clips can be lined up on: its key (for the address), what the coach reads, and the frame.</summary>
public sealed record AlignmentEvent(string Key, string Name, int Frame);
