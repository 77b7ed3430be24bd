namespace CoachPortal.Core.Sessions.History;

/// <summary>The check-in's subjective scales an imported column can fill.</summary>
public enum WellnessScale
{
    /// <summary>Portal 0 (not ready) … 10 (ready).</summary>
    Readiness,

    /// <summary>Portal 1 (fresh) … 10 (exhausted).</summary>
    Fatigue,

    /// <summary>Portal 1 (none) … 10 (very sore).</summary>
    Soreness,

    /// <summary>Portal 1 (very poor) … 10 (excellent).</summary>
    SleepQuality,

    /// <summary>Portal 1 (relaxed) … 10 (very stressed).</summary>
    Stress,

    /// <summary>Portal 1 (very low) … 10 (great).</summary>
    Mood,
}
