namespace CoachPortal.Core.Plans.Compliance;

/// <summary>This week's compliance of each athlete of a team that has planned sessions, keyed by athlete id.</summary>
public sealed record TeamWeekCompliance(DateOnly Today, DateOnly WeekStart, IReadOnlyDictionary<int, WeeklyCompliance> Athletes);
