namespace CoachPortal.Ingest.Wellness;

/// <summary>A wearable's score of one night.</summary>
/// <param name="Time">when the night was scored (UTC, the morning after)</param>
/// <param name="OverallScore">0–100, higher is better</param>
/// <param name="DeepSleepMinutes">minutes of deep sleep</param>
/// <param name="RestingHeartRateBpm">resting heart rate of the night in beats per minute, null when not measured</param>
/// <param name="Restlessness">share of the night spent restless, 0–1</param>
public sealed record SleepScore(DateTimeOffset Time, int OverallScore, int? DeepSleepMinutes, int? RestingHeartRateBpm, double? Restlessness);
