namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>The outcome of one entry of an uploaded file (one row for a plain file, one per entry of a zip).</summary>
public class UploadEntryResult
{
    public int Id { get; set; }

    public int UploadedFileId { get; set; }

    public string EntryName { get; set; } = "";

    public bool Succeeded { get; set; }

    public string? Message { get; set; }

    public int? SessionId { get; set; }
}
