namespace CoachPortal.Core.Media;

/// <summary>What <see cref="MediaSniffer"/> found in a file's first bytes.</summary>
public sealed record SniffedMedia(MediaKind Kind, string ContentType);
