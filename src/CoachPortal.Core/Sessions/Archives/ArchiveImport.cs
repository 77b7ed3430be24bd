using CoachPortal.Core.Athletes;
using CoachPortal.Ingest.Archives;

namespace CoachPortal.Core.Sessions.Archives;

/// <summary>
/// A whole-history export (Strava or Garmin Connect) queued for import, and the progress of the job that walks it.
/// The archive itself is a file in <see cref="ArchiveImportOptions.Directory"/> (too large for the file store), named
/// <see cref="StoredName"/>; it is deleted once the import has succeeded. Pages read this row, not Hangfire's tables.
/// </summary>
public class ArchiveImport
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public string RequestedByUserId { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>The archive's name in the archive folder (a GUID and <c>.zip</c>).</summary>
    public string StoredName { get; set; } = "";

    public long SizeBytes { get; set; }

    public ExportLayout Layout { get; set; }

    public ArchiveImportStatus Status { get; set; }

    /// <summary>Activity files found so far (a Garmin export's nested zips add theirs as they are opened).</summary>
    public int TotalEntries { get; set; }

    /// <summary>
    /// Files with a result. Saved in the same transaction as each file's result and session, so it always equals the
    /// number of <see cref="Entries"/>, and a run after a crash goes on from the first file without one.
    /// </summary>
    public int ProcessedEntries { get; set; }

    /// <summary>Compressed bytes of the activity files (the progress bar's whole).</summary>
    public long TotalBytes { get; set; }

    public long ProcessedBytes { get; set; }

    public int ImportedCount { get; set; }

    public int DuplicateCount { get; set; }

    public int FailedCount { get; set; }

    public int SkippedCount { get; set; }

    public string? FailureReason { get; set; }

    public string? JobId { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime? FinishedUtc { get; set; }

    public List<ArchiveImportEntry> Entries { get; set; } = [];
}
