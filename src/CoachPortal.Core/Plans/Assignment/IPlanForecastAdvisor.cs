using CoachPortal.Analytics.Planning;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>
/// Where model forecasts (readiness, injury risk, performance uncertainty) enter planning. The personaliser applies
/// the advice before its load constraints; the projection shows the band. The registered one reads the active models'
/// latest forecasts (Models.ModelPlanForecastAdvisor) and gives no advice while no model is active.
/// </summary>
public interface IPlanForecastAdvisor
{
    Task<IReadOnlyList<PlanAdvice>> AdviseAsync(int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct);

    /// <summary>Lower and upper CTL per day of the projection, or null when no forecaster is active.</summary>
    Task<IReadOnlyList<(double Low, double High)>?> ProjectionBandAsync(int athleteId, IReadOnlyList<double> projectedCtl, CancellationToken ct);
}
