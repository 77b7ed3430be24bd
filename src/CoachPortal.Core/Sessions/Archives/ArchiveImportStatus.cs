namespace CoachPortal.Core.Sessions.Archives;

public enum ArchiveImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
