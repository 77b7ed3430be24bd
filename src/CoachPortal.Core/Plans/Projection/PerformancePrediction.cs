namespace CoachPortal.Core.Plans.Projection;

/// <summary>
/// The Banister-predicted result of a test on event day, in the test's own unit (seconds for a timed test); the
/// page writes it in the reader's culture.
/// </summary>
public sealed record PerformancePrediction(string Kind, double Value, string Unit, double RSquared);
