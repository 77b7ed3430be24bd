namespace CoachPortal.Analytics.Load;

/// <summary>
/// The team's primary load metric and the factors that convert a fallback measure into it. The factors are
/// calibration defaults, not published constants: one hour at threshold is 100 TSS, about 2 Banister TRIMP per TSS
/// at LTHR (1 h at 90 % HR reserve gives 195 TRIMP for men, 209 for women) and a session RPE of 7 ("very hard")
/// for that hour gives 420 AU. Override them per team when its own data disagree.
/// </summary>
public sealed record PrimaryLoadOptions
{
    /// <summary>Default options: TSS as the primary metric.</summary>
    public static PrimaryLoadOptions Default { get; } = new();

    /// <summary>The metric loads are expressed in.</summary>
    public PrimaryLoadMetric Metric { get; init; } = PrimaryLoadMetric.Tss;

    /// <summary>Banister TRIMP per TSS point (default 2.0).</summary>
    public double TrimpPerTss { get; init; } = 2.0;

    /// <summary>Session-RPE units per TSS point (default 4.2).</summary>
    public double SessionRpePerTss { get; init; } = 4.2;
}
