namespace CoachPortal.Core.Teams.Roster;

public sealed record RosterImportView(
    int Id,
    int TeamId,
    string FileName,
    RosterImportStatus Status,
    int TotalRows,
    int ProcessedRows,
    int CreatedCount,
    string? FailureReason,
    DateTime CreatedUtc,
    DateTime? FinishedUtc,
    IReadOnlyList<RosterImportError> Errors)
{
    public bool IsFinished => Status is RosterImportStatus.Succeeded or RosterImportStatus.Failed;

    public double ProgressPercent => TotalRows == 0 ? (IsFinished ? 100 : 0) : 100.0 * ProcessedRows / TotalRows;

    public static RosterImportView From(RosterImport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.TeamId, r.FileName, r.Status, r.TotalRows, r.ProcessedRows, r.CreatedCount, r.FailureReason, r.CreatedUtc, r.FinishedUtc,
            r.Errors.OrderBy(e => e.LineNumber).ToList());
    }
}
