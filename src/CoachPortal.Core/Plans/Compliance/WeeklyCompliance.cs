namespace CoachPortal.Core.Plans.Compliance;

/// <summary>
/// Load done over load due for a Monday-first week, in percent. Due: the planned sessions of the days already over,
/// and today's once done; null when nothing is due yet ("no plan", not 0 %). <see cref="UnplannedSessions"/> counts
/// the week's sessions that match no planned one: extra training, not a failure.
/// </summary>
public sealed record WeeklyCompliance(DateOnly WeekStart, double PlannedTss, double ActualLoad, double? Percent, int UnplannedSessions = 0);
