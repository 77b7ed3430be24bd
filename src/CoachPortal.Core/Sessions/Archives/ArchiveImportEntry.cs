namespace CoachPortal.Core.Sessions.Archives;

/// <summary>The result of one file of an imported archive; unique by name within its import.</summary>
public class ArchiveImportEntry
{
    public int Id { get; set; }

    public int ArchiveImportId { get; set; }

    /// <summary>The file's path in the archive; inside a nested zip, the zip's path, <c>!/</c> and the inner path.</summary>
    public string EntryName { get; set; } = "";

    public ArchiveEntryOutcome Outcome { get; set; }

    /// <summary>Why it failed or was skipped, or what it duplicates.</summary>
    public string? Message { get; set; }

    /// <summary>The session it became, or the stored session it duplicates.</summary>
    public int? SessionId { get; set; }
}
