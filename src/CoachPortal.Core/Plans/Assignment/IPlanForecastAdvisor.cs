using CoachPortal.Analytics.Planning;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>
/// Where model forecasts (readiness, injury risk) enter planning: the personaliser applies the advice before its load
/// constraints. The registered one (<see cref="ModelPlanForecastAdvisor"/>) reads the active models' latest forecasts
/// and gives no advice while no model is active.
/// </summary>
public interface IPlanForecastAdvisor
{
    Task<IReadOnlyList<PlanAdvice>> AdviseAsync(int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct);
}
