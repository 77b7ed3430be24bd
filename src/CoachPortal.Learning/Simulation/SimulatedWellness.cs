namespace CoachPortal.Learning.Simulation;

/// <summary>One morning of <see cref="AthleteSimulator.Wellness"/>.</summary>
/// <param name="Day">0-based day index into the loads</param>
/// <param name="Wellness">the athlete's underlying readiness, 0-10 (continuous; 0 on a floor day)</param>
/// <param name="ReportedReadiness">the morning report in whole points, 0-10; null on a day without a report</param>
public sealed record SimulatedWellness(int Day, double Wellness, int? ReportedReadiness);
