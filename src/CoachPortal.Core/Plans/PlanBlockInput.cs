namespace CoachPortal.Core.Plans;

public sealed record PlanBlockInput(PlanPhase Phase, int Weeks);
