namespace CoachPortal.Core.Teams.Roster;

public enum RosterImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
