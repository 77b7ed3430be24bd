namespace CoachPortal.Analytics.Sessions;

/// <summary>The load measures one session may carry; any may be missing. Input to the primary-load selection.</summary>
public sealed record SessionLoadMeasures
{
    /// <summary>Power-based TSS (Coggan).</summary>
    public double? PowerTss { get; init; }

    /// <summary>Running TSS.</summary>
    public double? RunningTss { get; init; }

    /// <summary>Heart-rate TSS.</summary>
    public double? HeartRateTss { get; init; }

    /// <summary>Banister TRIMP.</summary>
    public double? BanisterTrimp { get; init; }

    /// <summary>Session-RPE load (RPE × minutes).</summary>
    public double? SessionRpeLoad { get; init; }
}
