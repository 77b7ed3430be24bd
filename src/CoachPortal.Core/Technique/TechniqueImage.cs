namespace CoachPortal.Core.Technique;

/// <summary>A labelled frame: an encoded image (JPEG, PNG...) of an athlete, and whether it shows the technique.</summary>
public sealed record TechniqueImage(string Athlete, byte[] Image, bool Label);
