namespace CoachPortal.Core.Plans.Calendar;

/// <summary>Planned and completed sessions of a date range.</summary>
public sealed record PlanCalendarView(IReadOnlyList<PlannedSessionView> Planned, IReadOnlyList<CompletedSessionView> Completed);
