namespace CoachPortal.Analytics.Planning;

/// <summary>A forecast's advice for one day: multiply the planned load by <see cref="LoadFactor"/> and say <see cref="Reason"/>.</summary>
public sealed record PlanAdvice(DateOnly Date, double LoadFactor, string Reason);
