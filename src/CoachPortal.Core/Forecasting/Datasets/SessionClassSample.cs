namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>One session as the session CNN sees it: who, when, its class index (-1 when unlabelled) and summary values for the baselines.</summary>
public sealed record SessionClassSample(int SessionId, int AthleteId, DateTime StartUtc, int Label, double? IntensityFactor, int DurationSeconds)
{
    /// <summary>Mean heart rate as a fraction of the athlete's threshold (NaN when the channel is missing); set when the streams are resampled.</summary>
    public double MeanHeartRateFraction { get; set; } = double.NaN;
}
