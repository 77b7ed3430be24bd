namespace CoachPortal.Core.Plans.Calendar;

public enum PlannedSessionStatus
{
    Planned = 0,
    Done = 1,
    Skipped = 2,
}
