using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// One history file queued for import and the progress of the job that stores it. The original bytes live in the
/// file store under <see cref="Sha256"/>, so a failed import can be retried; pages read this row, not Hangfire's tables.
/// </summary>
public class HistoryImport
{
    public int Id { get; set; }

    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public string RequestedByUserId { get; set; } = "";

    public string FileName { get; set; } = "";

    public HistoryImportKind Kind { get; set; }

    /// <summary>The column mapping as JSON (<see cref="WellnessColumnMapping"/> or <see cref="SessionColumnMapping"/>).</summary>
    public string MappingJson { get; set; } = "";

    /// <summary>SHA-256 of the original file in the file store (lower-case hex).</summary>
    public string Sha256 { get; set; } = "";

    public HistoryImportStatus Status { get; set; }

    /// <summary>Records to store (check-in days or sessions after the file's own duplicates are merged).</summary>
    public int TotalRecords { get; set; }

    /// <summary>
    /// Records handled so far. Saved in the same transaction as the records and counters of each batch, so a retry
    /// resumes after the last committed batch and counts nothing twice.
    /// </summary>
    public int ProcessedRecords { get; set; }

    public int AddedCount { get; set; }

    public int DuplicateCount { get; set; }

    public int SkippedCount { get; set; }

    public int ErrorCount { get; set; }

    public string? FailureReason { get; set; }

    public string? JobId { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime? FinishedUtc { get; set; }

    public List<HistoryImportLineError> Errors { get; set; } = [];
}
