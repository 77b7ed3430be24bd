namespace CoachPortal.Core.Plans;

/// <summary>A template with its blocks, sessions and computed week targets.</summary>
public sealed record PlanTemplateView(int Id, PlanTemplateInput Input, bool IsArchived, Guid Version, IReadOnlyList<PlanWeek> Weeks);
