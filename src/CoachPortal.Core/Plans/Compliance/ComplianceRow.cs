namespace CoachPortal.Core.Plans.Compliance;

/// <summary>One planned session against what was done: ratios in percent, <see cref="Colour"/> green/amber/red/grey.</summary>
public sealed record ComplianceRow(
    int PlannedSessionId,
    DateOnly Date,
    string Title,
    double PlannedSeconds,
    double PlannedTss,
    int? CompletedSessionId,
    int? ActualSeconds,
    double? ActualLoad,
    double? DurationPercent,
    double? LoadPercent,
    string Colour);
