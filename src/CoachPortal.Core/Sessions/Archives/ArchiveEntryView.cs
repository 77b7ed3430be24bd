namespace CoachPortal.Core.Sessions.Archives;

/// <summary>One file's result, with the title of the session it became or duplicates.</summary>
public sealed record ArchiveEntryView(string EntryName, ArchiveEntryOutcome Outcome, string? Message, int? SessionId, string? SessionTitle);
