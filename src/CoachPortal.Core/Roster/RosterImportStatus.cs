namespace CoachPortal.Core.Roster;

public enum RosterImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
