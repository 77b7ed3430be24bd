namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// The column mapping of PMSys exports (pmsys/wellness.csv and pmsys/srpe.csv, as in PMData: Thambawita et al.,
/// ACM MMSys 2020). Readiness runs 0–10; the other scales 1–5 with 5 the good end, the directions
/// <see cref="Ingest.Wellness.WellnessDays"/> established against readiness; 0 on those scales means unanswered.
/// </summary>
public static class PmSysPreset
{
    public static WellnessColumnMapping Wellness { get; } = new(
        "effective_time_frame",
        new Dictionary<WellnessScale, ScaleMapping>
        {
            [WellnessScale.Readiness] = new("readiness", 0, 10, HigherIsBetter: true),
            [WellnessScale.Fatigue] = new("fatigue", 1, 5, HigherIsBetter: true),
            [WellnessScale.Soreness] = new("soreness", 1, 5, HigherIsBetter: true),
            [WellnessScale.SleepQuality] = new("sleep_quality", 1, 5, HigherIsBetter: true),
            [WellnessScale.Stress] = new("stress", 1, 5, HigherIsBetter: true),
            [WellnessScale.Mood] = new("mood", 1, 5, HigherIsBetter: true),
        },
        SleepHoursColumn: "sleep_duration_h",
        OffScaleIsMissing: true);

    public static SessionColumnMapping Sessions { get; } = new(
        "end_date_time", TimeIsEnd: true, "duration_min", "perceived_exertion", ActivityColumn: "activity_names");
}
