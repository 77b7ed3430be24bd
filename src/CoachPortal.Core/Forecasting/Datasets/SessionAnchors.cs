namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>What a session's streams are measured against: its sport and the athlete's thresholds (null when unknown).</summary>
public sealed record SessionAnchors(string Sport, int? LactateThresholdHeartRateBpm, int? HeartRateMaxBpm, int? ThresholdPaceSecondsPerKm, int? FtpWatts);
