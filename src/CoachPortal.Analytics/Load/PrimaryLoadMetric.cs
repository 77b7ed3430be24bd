namespace CoachPortal.Analytics.Load;

/// <summary>The load metric a team counts in (configured per team).</summary>
public enum PrimaryLoadMetric
{
    /// <summary>Training stress score (power TSS, running TSS or hrTSS; 100 = one hour at threshold).</summary>
    Tss = 0,

    /// <summary>Banister TRIMP.</summary>
    Trimp = 1,

    /// <summary>Session RPE load (RPE × minutes, Foster 2001).</summary>
    SessionRpe = 2,
}
