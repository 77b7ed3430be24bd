namespace CoachPortal.Ingest.Wellness;

/// <summary>
/// One morning self-report as the PMSys app records it, values unchanged. The 1–5 scales keep PMSys's own direction
/// (for fatigue, mood, sleep quality, soreness and stress 5 is the good end); readiness runs 0–10, 10 ready.
/// Null where the report left a measure out.
/// </summary>
/// <param name="Time">when the report was made (UTC)</param>
/// <param name="Readiness">0 (not ready) … 10 (ready)</param>
/// <param name="Fatigue">1 (very tired) … 5 (very fresh)</param>
/// <param name="Mood">1 (very low) … 5 (very good)</param>
/// <param name="SleepQuality">1 (very poor) … 5 (very good)</param>
/// <param name="Soreness">1 (very sore) … 5 (not sore)</param>
/// <param name="Stress">1 (very stressed) … 5 (relaxed)</param>
/// <param name="SleepHours">hours slept</param>
/// <param name="SorenessAreas">body-part codes of the sore areas</param>
public sealed record WellnessReport(
    DateTimeOffset Time,
    int? Readiness,
    int? Fatigue,
    int? Mood,
    int? SleepQuality,
    int? Soreness,
    int? Stress,
    double? SleepHours,
    IReadOnlyList<string> SorenessAreas);
