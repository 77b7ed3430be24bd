namespace CoachPortal.Core.Sessions.History;

public enum HistoryImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
