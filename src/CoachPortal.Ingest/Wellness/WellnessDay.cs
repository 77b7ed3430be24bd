namespace CoachPortal.Ingest.Wellness;

/// <summary>
/// One calendar day of an athlete on the portal's scales (see the check-in form): readiness 0–10 (10 ready),
/// fatigue, soreness and stress 1–10 with 10 the bad end, sleep quality and mood 1–10 with 10 the good end.
/// Null where nothing was recorded that day; <see cref="LoadAu"/> is 0 on a day with no session.
/// </summary>
/// <param name="Date">the athlete's local day</param>
/// <param name="Readiness">0 (not ready) … 10 (ready)</param>
/// <param name="Fatigue">1 (fresh) … 10 (exhausted)</param>
/// <param name="Soreness">1 (none) … 10 (very sore)</param>
/// <param name="Stress">1 (relaxed) … 10 (very stressed)</param>
/// <param name="SleepQuality">1 (very poor) … 10 (excellent)</param>
/// <param name="Mood">1 (very low) … 10 (great)</param>
/// <param name="SleepHours">hours slept the night before</param>
/// <param name="RestingHeartRateBpm">the wearable's resting heart rate</param>
/// <param name="SleepScore">the wearable's sleep score of the night before, 0–100</param>
/// <param name="LoadAu">session-RPE load of the day (RPE × minutes, summed)</param>
/// <param name="Sessions">sessions reported that day</param>
/// <param name="InjuryReported">a weekly injury report that day named at least one injury (null: no report that day)</param>
public sealed record WellnessDay(
    DateOnly Date,
    double? Readiness,
    double? Fatigue,
    double? Soreness,
    double? Stress,
    double? SleepQuality,
    double? Mood,
    double? SleepHours,
    double? RestingHeartRateBpm,
    double? SleepScore,
    double LoadAu,
    int Sessions,
    bool? InjuryReported);
