using CoachPortal.Ingest.Archives;

namespace CoachPortal.Core.Sessions.Archives;

public sealed record ArchiveImportView(
    int Id,
    int AthleteId,
    string FileName,
    long SizeBytes,
    ExportLayout Layout,
    ArchiveImportStatus Status,
    int TotalEntries,
    int ProcessedEntries,
    long TotalBytes,
    long ProcessedBytes,
    int Imported,
    int Duplicates,
    int Failed,
    int Skipped,
    string? FailureReason,
    DateTime CreatedUtc,
    DateTime? FinishedUtc)
{
    public bool IsFinished => Status is ArchiveImportStatus.Succeeded or ArchiveImportStatus.Failed;

    /// <summary>By compressed bytes, which track the work better than a count of files of any size.</summary>
    public double ProgressPercent => IsFinished && Status == ArchiveImportStatus.Succeeded ? 100
        : TotalBytes == 0 ? 0 : Math.Min(100, 100.0 * ProcessedBytes / TotalBytes);

    public static ArchiveImportView From(ArchiveImport a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.AthleteId, a.FileName, a.SizeBytes, a.Layout, a.Status, a.TotalEntries, a.ProcessedEntries, a.TotalBytes, a.ProcessedBytes,
            a.ImportedCount, a.DuplicateCount, a.FailedCount, a.SkippedCount, a.FailureReason, a.CreatedUtc, a.FinishedUtc);
    }
}
