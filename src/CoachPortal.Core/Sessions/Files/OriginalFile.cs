namespace CoachPortal.Core.Sessions.Files;

/// <summary>An original upload for download.</summary>
public sealed record OriginalFile(string FileName, string ContentType, byte[] Content);
