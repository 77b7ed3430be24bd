namespace CoachPortal.Analytics.Load;

/// <summary>Which measure a session's primary load was taken from.</summary>
public enum LoadSource
{
    /// <summary>The session had no usable measure; its load is 0.</summary>
    None = 0,

    /// <summary>Power-based TSS.</summary>
    PowerTss = 1,

    /// <summary>Running TSS.</summary>
    RunningTss = 2,

    /// <summary>Heart-rate TSS.</summary>
    HeartRateTss = 3,

    /// <summary>Banister TRIMP.</summary>
    BanisterTrimp = 4,

    /// <summary>Session RPE load.</summary>
    SessionRpe = 5,
}
