namespace CoachPortal.Core.Sessions.History;

public sealed record HistoryImportView(
    int Id,
    int AthleteId,
    string FileName,
    HistoryImportKind Kind,
    HistoryImportStatus Status,
    int TotalRecords,
    int ProcessedRecords,
    string? FailureReason,
    DateTime CreatedUtc,
    DateTime? FinishedUtc,
    HistoryImportResult Result)
{
    public bool IsFinished => Status is HistoryImportStatus.Succeeded or HistoryImportStatus.Failed;

    public double ProgressPercent => TotalRecords == 0 ? (IsFinished ? 100 : 0) : 100.0 * ProcessedRecords / TotalRecords;

    public static HistoryImportView From(HistoryImport h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var errors = h.Errors.OrderBy(e => e.LineNumber).Select(e => new HistoryImportError(e.LineNumber, e.Message)).ToList();
        return new(h.Id, h.AthleteId, h.FileName, h.Kind, h.Status, h.TotalRecords, h.ProcessedRecords, h.FailureReason, h.CreatedUtc, h.FinishedUtc,
            new HistoryImportResult(h.AddedCount, h.DuplicateCount, h.SkippedCount, errors));
    }
}
