namespace CoachPortal.Core.Plans;

/// <summary>No forecasts: plans follow the load constraints alone.</summary>
public sealed class NoPlanForecastAdvisor : IPlanForecastAdvisor
{
    public Task<IReadOnlyList<PlanAdvice>> AdviseAsync(int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
        => Task.FromResult<IReadOnlyList<PlanAdvice>>([]);

    public Task<IReadOnlyList<(double Low, double High)>?> ProjectionBandAsync(int athleteId, IReadOnlyList<double> projectedCtl, CancellationToken ct)
        => Task.FromResult<IReadOnlyList<(double Low, double High)>?>(null);
}
