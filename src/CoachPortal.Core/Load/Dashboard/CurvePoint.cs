namespace CoachPortal.Core.Load.Dashboard;

/// <summary>One point of a mean-maximal curve or of a model curve.</summary>
/// <param name="DurationSeconds">Duration in seconds.</param>
/// <param name="Value">Best mean value over the duration, in the curve's unit (W, m/s).</param>
public readonly record struct CurvePoint(int DurationSeconds, double Value);
