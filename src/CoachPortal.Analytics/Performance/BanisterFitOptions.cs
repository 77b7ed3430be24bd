namespace CoachPortal.Analytics.Performance;

/// <summary>Bounds and starting points of the Banister fit. Gains and baseline bounds default to ranges derived from the data.</summary>
public sealed record BanisterFitOptions
{
    /// <summary>Default options.</summary>
    public static BanisterFitOptions Default { get; } = new();

    /// <summary>Lowest fitness time constant in days (default 5).</summary>
    public double MinTau1Days { get; init; } = 5;

    /// <summary>Highest fitness time constant in days (default 90).</summary>
    public double MaxTau1Days { get; init; } = 90;

    /// <summary>Lowest fatigue time constant in days (default 1).</summary>
    public double MinTau2Days { get; init; } = 1;

    /// <summary>Highest fatigue time constant in days (default 40).</summary>
    public double MaxTau2Days { get; init; } = 40;

    /// <summary>Fitness time constants to start from (default 15, 30, 50, 70 days).</summary>
    public IReadOnlyList<double> StartTau1Days { get; init; } = [15, 30, 50, 70];

    /// <summary>Fatigue time constants to start from (default 3, 8, 15 days); pairs with τ2 ≥ τ1 are skipped.</summary>
    public IReadOnlyList<double> StartTau2Days { get; init; } = [3, 8, 15];

    /// <summary>Levenberg–Marquardt iteration cap per start (default 400).</summary>
    public int MaxIterations { get; init; } = 400;
}
