namespace CoachPortal.Learning.Forecasting;

/// <summary>The daily channels of a <see cref="WellnessSeries"/>. Scales are the portal's; the forecaster standardises each per athlete, so only consistency matters.</summary>
public enum WellnessChannel
{
    /// <summary>Self-reported readiness, 0–10 (the forecast target).</summary>
    Readiness,

    /// <summary>Fatigue, 1 (fresh) … 10 (exhausted).</summary>
    Fatigue,

    /// <summary>Muscle soreness, 1 (none) … 10 (very sore).</summary>
    Soreness,

    /// <summary>Stress, 1 (relaxed) … 10 (very stressed).</summary>
    Stress,

    /// <summary>Sleep quality, 1 (very poor) … 10 (excellent).</summary>
    SleepQuality,

    /// <summary>Mood, 1 (very low) … 10 (great).</summary>
    Mood,

    /// <summary>Hours slept.</summary>
    SleepHours,

    /// <summary>Resting heart rate in beats per minute.</summary>
    RestingHeartRate,

    /// <summary>A wearable's sleep score, 0–100.</summary>
    SleepScore,

    /// <summary>Training load of the day (any consistent unit; 0 on rest days).</summary>
    Load,
}
