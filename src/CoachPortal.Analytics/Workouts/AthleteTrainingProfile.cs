namespace CoachPortal.Analytics.Workouts;

/// <summary>The thresholds that turn a workout's targets into the athlete's own watts, beats and paces.</summary>
public sealed record AthleteTrainingProfile(int? FtpWatts, int? ThresholdPaceSecondsPerKm, int? LactateThresholdHeartRateBpm, int? HeartRateMaxBpm)
{
    /// <summary>A profile with no thresholds: targets stay relative.</summary>
    public static AthleteTrainingProfile Unknown { get; } = new(null, null, null, null);
}
