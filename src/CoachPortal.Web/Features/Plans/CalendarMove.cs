using CoachPortal.Core.Plans;

namespace CoachPortal.Web.Features.Plans;

/// <summary>A planned session dropped on another day of a calendar.</summary>
public sealed record CalendarMove(PlannedSessionView Session, DateOnly NewDate);
