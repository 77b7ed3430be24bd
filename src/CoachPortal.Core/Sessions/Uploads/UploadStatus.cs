namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>Where an uploaded file stands.</summary>
public enum UploadStatus
{
    Stored,
    Importing,
    Imported,
    Failed,
    Duplicate,
}
