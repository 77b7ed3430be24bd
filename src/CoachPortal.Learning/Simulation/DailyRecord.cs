namespace CoachPortal.Learning.Simulation;

/// <summary>One simulated day.</summary>
/// <param name="Day">0-based day index</param>
/// <param name="Load">training load (TSS-like points)</param>
/// <param name="Fitness">Banister fitness state after the day</param>
/// <param name="Fatigue">Banister fatigue state after the day</param>
/// <param name="Performance">true performance p0 + k1 fitness - k2 fatigue (ground truth)</param>
/// <param name="ObservedPerformance">performance with measurement noise (what a test would show)</param>
/// <param name="Wellness">the athlete's underlying readiness, 0-10 (continuous)</param>
/// <param name="AcuteChronicRatio">7-day over 28-day mean load (1 for the first days)</param>
/// <param name="InjuryOnset">an injury began this day</param>
/// <param name="Unavailable">injured and not training</param>
/// <param name="ReportedReadiness">the morning report in whole points, 0-10; null on a day without a report</param>
public sealed record DailyRecord(int Day, double Load, double Fitness, double Fatigue, double Performance, double ObservedPerformance, double Wellness, double AcuteChronicRatio, bool InjuryOnset, bool Unavailable, int? ReportedReadiness);
