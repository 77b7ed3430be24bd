namespace CoachPortal.Core.Plans.Calendar;

/// <summary>A what-if change to one planned session: move it, drop it, or replace its workout text.</summary>
public sealed record PlanEdit(int PlannedSessionId, DateOnly? NewDate = null, bool Drop = false, string? NewText = null);
