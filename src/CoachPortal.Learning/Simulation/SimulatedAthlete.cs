namespace CoachPortal.Learning.Simulation;

/// <summary>A simulated athlete: their personal constants and one record per day.</summary>
/// <param name="Seed">the seed that reproduces them</param>
/// <param name="LoadScale">personal multiplier on the plan's load</param>
/// <param name="BasePerformance">personal p0</param>
/// <param name="Days">the daily records, in order</param>
public sealed record SimulatedAthlete(ulong Seed, double LoadScale, double BasePerformance, IReadOnlyList<DailyRecord> Days);
