using CoachPortal.Core.Plans.Calendar;

namespace CoachPortal.Web.Features.Plans.Calendar;

/// <summary>A planned session dropped on another day of a calendar.</summary>
public sealed record CalendarMove(PlannedSessionView Session, DateOnly NewDate);
