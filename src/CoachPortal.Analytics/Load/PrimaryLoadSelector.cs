using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Load;

/// <summary>
/// Picks a session's load in the team's primary metric. Fallback order (first measure present wins):
/// <list type="bullet">
/// <item>TSS: power TSS → running TSS → hrTSS → TRIMP ÷ TrimpPerTss → sRPE ÷ SessionRpePerTss.</item>
/// <item>TRIMP: TRIMP → (power TSS → running TSS → hrTSS) × TrimpPerTss → sRPE × TrimpPerTss ÷ SessionRpePerTss.</item>
/// <item>sRPE: sRPE → (power TSS → running TSS → hrTSS) × SessionRpePerTss → TRIMP × SessionRpePerTss ÷ TrimpPerTss.</item>
/// </list>
/// Measured physiology outranks perception for the TSS and TRIMP teams; a sRPE team keeps the athlete's own rating
/// first (Foster 2001) and fills gaps from the device.
/// </summary>
public static class PrimaryLoadSelector
{
    /// <summary>The session's primary load; <see cref="LoadSource.None"/> with value 0 when nothing is measured.</summary>
    public static PrimaryLoad Select(SessionLoadMeasures measures, PrimaryLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(measures);
        options ??= PrimaryLoadOptions.Default;
        var tss = TssChain(measures);
        var trimp = measures.BanisterTrimp is { } t ? new PrimaryLoad(t, LoadSource.BanisterTrimp) : (PrimaryLoad?)null;
        var srpe = measures.SessionRpeLoad is { } s ? new PrimaryLoad(s, LoadSource.SessionRpe) : (PrimaryLoad?)null;

        return options.Metric switch
        {
            PrimaryLoadMetric.Tss =>
                tss
                ?? Scale(trimp, 1.0 / options.TrimpPerTss)
                ?? Scale(srpe, 1.0 / options.SessionRpePerTss)
                ?? default,
            PrimaryLoadMetric.Trimp =>
                trimp
                ?? Scale(tss, options.TrimpPerTss)
                ?? Scale(srpe, options.TrimpPerTss / options.SessionRpePerTss)
                ?? default,
            PrimaryLoadMetric.SessionRpe =>
                srpe
                ?? Scale(tss, options.SessionRpePerTss)
                ?? Scale(trimp, options.SessionRpePerTss / options.TrimpPerTss)
                ?? default,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Metric, "Unknown primary load metric."),
        };
    }

    private static PrimaryLoad? TssChain(SessionLoadMeasures m) =>
        m.PowerTss is { } p ? new PrimaryLoad(p, LoadSource.PowerTss)
        : m.RunningTss is { } r ? new PrimaryLoad(r, LoadSource.RunningTss)
        : m.HeartRateTss is { } h ? new PrimaryLoad(h, LoadSource.HeartRateTss)
        : null;

    private static PrimaryLoad? Scale(PrimaryLoad? load, double factor) =>
        load is { } l ? new PrimaryLoad(l.Value * factor, l.Source) : null;
}
