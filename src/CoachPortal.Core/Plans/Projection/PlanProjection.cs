namespace CoachPortal.Core.Plans.Projection;

/// <summary>
/// CTL/ATL/TSB and ACWR from the load history through the plan to the event, the Banister-predicted event-day
/// performance when a fit exists.
/// </summary>
public sealed record PlanProjection(
    int AthleteId,
    DateOnly Today,
    DateOnly? EventDate,
    string? EventName,
    IReadOnlyList<ProjectionDay> Days,
    PerformancePrediction? PredictedPerformance);
