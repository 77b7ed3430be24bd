namespace CoachPortal.Core.Load;

/// <summary>
/// Training time per heart-rate zone. Each session's moving time is counted in the zone of its average heart rate,
/// since per-sample time in zone is not stored per session.
/// </summary>
/// <param name="SecondsPerZone">Seconds in zones 1–5.</param>
/// <param name="UpperBoundsBpm">Upper bounds of zones 1–4 in bpm.</param>
/// <param name="Basis">How the zones were anchored ("LTHR" or "HR reserve").</param>
public sealed record HeartRateZoneSummary(IReadOnlyList<double> SecondsPerZone, IReadOnlyList<double> UpperBoundsBpm, string Basis);
