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


    /// <summary>Sessions from damaged entries waiting to be kept or discarded.</summary>
    public int AwaitingReviewCount => Entries.Count(e => e.AwaitingReview);

    /// <param name="f">The file with its entries.</param>
    /// <param name="damaged">Review state of its sessions from damaged entries, by session id (recovered percent, awaiting review).</param>
    public static UploadView From(UploadedFile f, IReadOnlyDictionary<int, (int? RecoveredPercent, bool AwaitingReview)>? damaged = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        (int? RecoveredPercent, bool AwaitingReview) Damage(int? sessionId) =>
            sessionId is { } id && damaged is not null && damaged.TryGetValue(id, out var d) ? d : (null, false);
        return new UploadView(
            f.Id, f.AthleteId, f.OriginalName, f.SizeBytes, f.Status, f.FailureReason, f.Warnings, f.SessionCount,
            f.DuplicateOfFileId, f.CreatedUtc,
            f.Entries.OrderBy(e => e.Id).Select(e => new UploadEntryView(e.EntryName, e.Succeeded, e.Message, e.SessionId, Damage(e.SessionId).RecoveredPercent, Damage(e.SessionId).AwaitingReview)).ToList());
    }
}
