namespace CoachPortal.Core.Plans;

/// <summary>Monday-first week arithmetic shared by templates, calendars and compliance.</summary>
public static class PlanCalendar
{
    public static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-DayIndex(date.DayOfWeek));
}
