namespace CoachPortal.Analytics.Planning;

/// <summary>One week of a template: its phase, whether it is a recovery week, and its load target for the reference athlete.</summary>
public sealed record PlanWeek(int Index, PlanPhase Phase, bool IsRecoveryWeek, double TargetTss);
