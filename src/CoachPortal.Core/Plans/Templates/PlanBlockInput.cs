using CoachPortal.Analytics.Planning;

namespace CoachPortal.Core.Plans.Templates;

public sealed record PlanBlockInput(PlanPhase Phase, int Weeks);
