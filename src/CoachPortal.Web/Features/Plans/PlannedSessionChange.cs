namespace CoachPortal.Web.Features.Plans;

/// <summary>A coach's change to one planned session: a new date, a new workout text, or both.</summary>
public sealed record PlannedSessionChange(DateOnly? Date, string? Text);
