namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// One entry of an upload (a plain file has one; a zip one per file inside). <paramref name="RecoveredPercent"/> is
/// set for a session from a damaged file, <paramref name="AwaitingReview"/> while it waits to be kept or discarded.
/// </summary>
public sealed record UploadEntryView(string EntryName, bool Succeeded, string? Message, int? SessionId, int? RecoveredPercent = null, bool AwaitingReview = false);
