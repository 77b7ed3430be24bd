namespace CoachPortal.Core.Teams.Roster;

/// <summary>One uploaded roster CSV and the progress of the job that reads it. Pages read this row, not Hangfire's tables.</summary>
public class RosterImport
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public string RequestedByUserId { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>The file as uploaded, kept so a failed import can be retried and audited.</summary>
    public string Content { get; set; } = "";

    public RosterImportStatus Status { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int CreatedCount { get; set; }

    public int ErrorCount { get; set; }

    public string? FailureReason { get; set; }

    public string? JobId { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime? FinishedUtc { get; set; }

    public List<RosterImportError> Errors { get; set; } = [];
}
