namespace CoachPortal.Core.Plans.Calendar;

/// <summary>The athlete's report on a planned session.</summary>
public sealed record SessionOutcomeInput(PlannedSessionStatus Status, int? Rpe, string? Comment, string? SkipReason);
