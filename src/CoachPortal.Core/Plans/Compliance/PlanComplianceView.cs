namespace CoachPortal.Core.Plans.Compliance;

public sealed record PlanComplianceView(IReadOnlyList<ComplianceRow> Sessions, IReadOnlyList<WeeklyCompliance> Weeks);
