namespace CoachPortal.Core.Plans;

public sealed record PlanComplianceView(IReadOnlyList<ComplianceRow> Sessions, IReadOnlyList<WeeklyCompliance> Weeks);
