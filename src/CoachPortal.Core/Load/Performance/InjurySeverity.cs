namespace CoachPortal.Core.Load.Performance;

/// <summary>Severity by days lost, after the consensus statement of Fuller et al. (2006).</summary>
public enum InjurySeverity
{
    /// <summary>0–3 days lost.</summary>
    Minimal = 0,

    /// <summary>4–7 days lost.</summary>
    Mild = 1,

    /// <summary>8–28 days lost.</summary>
    Moderate = 2,

    /// <summary>More than 28 days lost.</summary>
    Severe = 3,
}
