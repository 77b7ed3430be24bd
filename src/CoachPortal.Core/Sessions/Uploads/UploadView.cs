namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>An uploaded file and what became of it, for the upload page.</summary>
public sealed record UploadView(
    int Id,
    int AthleteId,
    string FileName,
    long SizeBytes,
    UploadStatus Status,
    string? FailureReason,
    string? Warnings,
    int SessionCount,
    int? DuplicateOfFileId,
    DateTime CreatedUtc,
    IReadOnlyList<UploadEntryView> Entries)
{
    public bool IsFinished => Status is UploadStatus.Imported or UploadStatus.Failed or UploadStatus.Duplicate;

    /// <summary>Waiting or importing, but no job will finish it (its server died, or the job was lost).</summary>
    public bool IsInterrupted { get; init; }

    /// <summary>A failed or interrupted import can be queued again; the original bytes were kept.</summary>
    public bool CanRetry => Status == UploadStatus.Failed || IsInterrupted;

    public static UploadView From(UploadedFile f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new UploadView(
            f.Id, f.AthleteId, f.OriginalName, f.SizeBytes, f.Status, f.FailureReason, f.Warnings, f.SessionCount,
            f.DuplicateOfFileId, f.CreatedUtc,
            f.Entries.OrderBy(e => e.Id).Select(e => new UploadEntryView(e.EntryName, e.Succeeded, e.Message, e.SessionId)).ToList());
    }
}
