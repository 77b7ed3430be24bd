using CoachPortal.Analytics.Planning;

namespace CoachPortal.Core.Plans.Templates;

/// <summary>A template with its blocks, sessions and computed week targets.</summary>
public sealed record PlanTemplateView(int Id, PlanTemplateInput Input, bool IsArchived, Guid Version, IReadOnlyList<PlanWeek> Weeks);
