using CoachPortal.Analytics.Load;

namespace CoachPortal.Core.Load;

/// <summary>Who the dashboard is about and how their team counts load.</summary>
public sealed record AthleteLoadContext(int AthleteId, string Name, int TeamId, string TeamName, PrimaryLoadMetric Metric, DateOnly Today, bool CanManage, bool IsSelf, string? RecomputeFailure, bool RecomputePending);
