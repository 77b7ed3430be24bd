namespace CoachPortal.Core.Plans.Compliance;

/// <summary>Load done over load planned for a Monday-first week, in percent (null when nothing was planned).</summary>
public sealed record WeeklyCompliance(DateOnly WeekStart, double PlannedTss, double ActualLoad, double? Percent);
