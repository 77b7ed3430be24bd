using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Plans;

/// <summary>The thresholds that turn a workout's targets into the athlete's own watts, beats and paces.</summary>
public sealed record AthleteTrainingProfile(int? FtpWatts, int? ThresholdPaceSecondsPerKm, int? LactateThresholdHeartRateBpm, int? HeartRateMaxBpm)
{
    public static AthleteTrainingProfile Unknown { get; } = new(null, null, null, null);

    public static AthleteTrainingProfile Of(Athlete athlete)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        return new(athlete.FtpWatts, athlete.ThresholdPaceSecondsPerKm, athlete.LactateThresholdHeartRateBpm, athlete.HeartRateMaxBpm);
    }
}
