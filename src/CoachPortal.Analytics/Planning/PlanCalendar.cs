namespace CoachPortal.Analytics.Planning;

/// <summary>Monday-first week arithmetic shared by templates, calendars and compliance.</summary>
public static class PlanCalendar
{
    /// <summary>Monday = 0 … Sunday = 6 (ISO 8601 weeks).</summary>
    public static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>The Monday of the date's ISO week.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-DayIndex(date.DayOfWeek));
}
