namespace CoachPortal.Core.Load.Dashboard;

/// <summary>A dated value in a test's unit.</summary>
public readonly record struct PerformancePoint(DateOnly Date, double Value);
