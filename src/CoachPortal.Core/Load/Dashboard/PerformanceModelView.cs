namespace CoachPortal.Core.Load.Dashboard;

/// <summary>
/// One test's results with the Banister fit over the same dates and its projection for the next four weeks at the
/// athlete's recent average load. <see cref="Modelled"/> is empty (and <see cref="Note"/> says why) when it cannot be fitted.
/// </summary>
public sealed record PerformanceModelView(
    string Kind,
    string Unit,
    bool HigherIsBetter,
    IReadOnlyList<PerformancePoint> Results,
    IReadOnlyList<PerformancePoint> Modelled,
    IReadOnlyList<PerformancePoint> Projection,
    double? RSquared,
    string? Note);
