namespace CoachPortal.Core.Load.Performance;

/// <summary>A known test: its name, the unit results are entered in and whether a higher value is better.</summary>
public sealed record PerformanceTestKind(string Name, string Unit, bool HigherIsBetter);
