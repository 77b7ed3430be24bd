namespace CoachPortal.Learning.Simulation;

/// <summary>
/// Parameters of the synthetic athlete. Loads are TSS-like points per day; the fitness-fatigue model is Banister's
/// (Banister et al., 1975; constants in the range Busso, 2003, reports). Defaults give a recreational endurance athlete.
/// </summary>
public sealed record SimulatorOptions
{
    /// <summary>Days simulated per athlete. Default 365.</summary>
    public int Days { get; init; } = 365;

    /// <summary>Mean weekly load before periodisation, before the per-athlete scale. Default 450.</summary>
    public double WeeklyLoad { get; init; } = 450;

    /// <summary>Per-athlete load scale is drawn uniformly from [1 - this, 1 + this]. Default 0.3.</summary>
    public double AthleteLoadSpread { get; init; } = 0.3;

    /// <summary>Log-normal day-to-day load noise (standard deviation of the log). Default 0.25.</summary>
    public double DailyLoadNoise { get; init; } = 0.25;

    /// <summary>Chance per week that the plan is overshot (a load spike week). Default 0.08.</summary>
    public double SpikeWeekProbability { get; init; } = 0.08;

    /// <summary>Load multiplier of a spike week. Default 1.7.</summary>
    public double SpikeFactor { get; init; } = 1.7;

    /// <summary>Fitness time constant τ1 in days. Default 42.</summary>
    public double FitnessTimeConstantDays { get; init; } = 42;

    /// <summary>Fatigue time constant τ2 in days. Default 7.</summary>
    public double FatigueTimeConstantDays { get; init; } = 7;

    /// <summary>Fitness gain k1 (performance units per load point). Default 0.1.</summary>
    public double FitnessGain { get; init; } = 0.1;

    /// <summary>Fatigue gain k2. Default 0.2.</summary>
    public double FatigueGain { get; init; } = 0.2;

    /// <summary>Performance with no training, p0; per athlete drawn from p0 ± 10. Default 100.</summary>
    public double BasePerformance { get; init; } = 100;

    /// <summary>Standard deviation of the observed performance around the Banister value. Default 2.</summary>
    public double PerformanceNoise { get; init; } = 2;

    /// <summary>Mean readiness (0-10) over athletes at their usual fatigue. Default 4.7 (PMData's mean report is 4.6; floor days pull the mean down).</summary>
    public double WellnessBaseline { get; init; } = 4.7;

    /// <summary>Standard deviation of athletes' own readiness levels around <see cref="WellnessBaseline"/>. Default 0.9.</summary>
    public double AthleteWellnessSpread { get; init; } = 0.9;

    /// <summary>Readiness points lost per fatigue point above the athlete's usual fatigue (the fatigue state is load-weighted, ~60-100 in steady training). Default 0.002.</summary>
    public double WellnessPerFatigue { get; init; } = 0.002;

    /// <summary>Day-to-day carry-over (AR(1) coefficient) of the athlete's underlying state. Default 0.6.</summary>
    public double WellnessPersistence { get; init; } = 0.6;

    /// <summary>Standard deviation of the underlying state. Default 0.9.</summary>
    public double WellnessStateSpread { get; init; } = 0.9;

    /// <summary>Standard deviation of the day's own noise on top of the state. Default 0.9.</summary>
    public double WellnessNoise { get; init; } = 0.9;

    /// <summary>Chance per day that a spell of floor days (readiness 0: ill, away) begins. Default 0.017.</summary>
    public double FloorSpellProbability { get; init; } = 0.017;

    /// <summary>Mean length of a floor spell in days. Default 4.</summary>
    public double FloorSpellDays { get; init; } = 4;

    /// <summary>Lowest per-athlete share of days with a report. Default 0.64.</summary>
    public double ReportRateLow { get; init; } = 0.64;

    /// <summary>Highest per-athlete share of days with a report. Default 1.</summary>
    public double ReportRateHigh { get; init; } = 1.0;

    /// <summary>Injury hazard per day at an acute:chronic workload ratio of 1 or less. Default 0.003.</summary>
    public double BaseInjuryHazard { get; init; } = 0.003;

    /// <summary>Log-hazard increase per unit of ACWR above 1 (hazard × e^(slope (ACWR - 1))). Default 4.</summary>
    public double InjuryHazardSlope { get; init; } = 4;

    /// <summary>Days with no training after an injury. Default 10.</summary>
    public int InjuryLayoffDays { get; init; } = 10;
}
