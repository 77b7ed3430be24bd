namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>One entry of an upload (a plain file has one; a zip one per file inside).</summary>
public sealed record UploadEntryView(string EntryName, bool Succeeded, string? Message, int? SessionId);
