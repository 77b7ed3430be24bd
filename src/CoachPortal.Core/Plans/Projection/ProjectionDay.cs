namespace CoachPortal.Core.Plans.Projection;

/// <summary>One projected day; <see cref="IsPlanned"/> false for history days. ACWR null while undefined.</summary>
public sealed record ProjectionDay(DateOnly Date, double Load, double Ctl, double Atl, double Tsb, double? Acwr, bool IsPlanned);
