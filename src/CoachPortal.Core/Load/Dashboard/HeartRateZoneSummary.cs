namespace CoachPortal.Core.Load.Dashboard;

/// <summary>
/// Training time per heart-rate zone. Sessions with stored per-sample zone seconds (counted in the current zones)
/// contribute their true time in zone; the others (older rows, or zones counted before the anchors changed)
/// count their moving time in the zone of their average heart rate.
/// </summary>
/// <param name="SecondsPerZone">Seconds in zones 1–5.</param>
/// <param name="UpperBoundsBpm">Upper bounds of zones 1–4 in bpm.</param>
/// <param name="Basis">How the zones were anchored ("LTHR" or "HR reserve").</param>
/// <param name="SessionsFromSamples">Sessions counted second by second.</param>
/// <param name="SessionsFromAverage">Sessions counted by their average heart rate.</param>
public sealed record HeartRateZoneSummary(
    IReadOnlyList<double> SecondsPerZone,
    IReadOnlyList<double> UpperBoundsBpm,
    string Basis,
    int SessionsFromSamples = 0,
    int SessionsFromAverage = 0);
