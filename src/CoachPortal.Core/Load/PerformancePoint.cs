namespace CoachPortal.Core.Load;

/// <summary>A dated value in a test's unit.</summary>
public readonly record struct PerformancePoint(DateOnly Date, double Value);
