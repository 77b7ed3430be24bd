using CoachPortal.Analytics.Performance;

namespace CoachPortal.Core.Load.Dashboard;

/// <summary>
/// An athlete's best efforts over a date range: the envelope of the stored per-session curves, with the
/// 2-parameter critical-power (or critical-speed) model fitted to its 2–20 min points.
/// </summary>
/// <param name="PowerSport">The sport whose power curve is shown (the one with most power sessions); null without power.</param>
/// <param name="Power">Best mean power in watts per standard duration.</param>
/// <param name="PowerSessions">Sessions that contributed to <paramref name="Power"/>.</param>
/// <param name="CriticalPower">CP (W) and W′ (J) with fit quality; null when the range cannot support a fit.</param>
/// <param name="CriticalPowerNote">Why <paramref name="CriticalPower"/> is missing, for the page.</param>
/// <param name="Speed">Best mean running speed in m/s per standard duration.</param>
/// <param name="SpeedSessions">Runs that contributed to <paramref name="Speed"/>.</param>
/// <param name="CriticalSpeed">Critical speed (m/s) as CP and D′ (m) as W′; null when no fit.</param>
/// <param name="CriticalSpeedNote">Why <paramref name="CriticalSpeed"/> is missing.</param>
/// <param name="SessionsWithoutCurves">Sessions in the range with streams but no stored curves (stored before curves were kept).</param>
public sealed record MeanMaximalSummary(
    string? PowerSport,
    IReadOnlyList<CurvePoint> Power,
    int PowerSessions,
    CriticalPowerFit? CriticalPower,
    string? CriticalPowerNote,
    IReadOnlyList<CurvePoint> Speed,
    int SpeedSessions,
    CriticalPowerFit? CriticalSpeed,
    string? CriticalSpeedNote,
    int SessionsWithoutCurves);
