namespace CoachPortal.Analytics.Load;

/// <summary>Time constants and windows of the performance-management chart, ACWR and monotony.</summary>
public sealed record TrainingLoadOptions
{
    /// <summary>Default options: CTL 42 d, ATL 7 d, ACWR 7:28, first ratio on day 28.</summary>
    public static TrainingLoadOptions Default { get; } = new();

    /// <summary>Chronic training load (fitness) time constant in days (default 42, Coggan's PMC).</summary>
    public double CtlTimeConstantDays { get; init; } = 42;

    /// <summary>Acute training load (fatigue) time constant in days (default 7, Coggan's PMC).</summary>
    public double AtlTimeConstantDays { get; init; } = 7;

    /// <summary>
    /// False (default): smoothing factor 1/τ as in TrainingPeaks' PMC. True: 1 − e^(−1/τ), the exact daily decay of
    /// Banister's impulse-response model. The two differ by about 1 % at τ = 42.
    /// </summary>
    public bool ExponentialDecayFactor { get; init; }

    /// <summary>CTL on the day before the first day of a fresh computation (default 0).</summary>
    public double InitialCtl { get; init; }

    /// <summary>ATL on the day before the first day of a fresh computation (default 0).</summary>
    public double InitialAtl { get; init; }

    /// <summary>Acute window of the rolling ACWR and the acute EWMA span in days (default 7; Hulin 2014, Williams 2017).</summary>
    public int AcuteWindowDays { get; init; } = 7;

    /// <summary>Chronic window of the rolling ACWR and the chronic EWMA span in days (default 28).</summary>
    public int ChronicWindowDays { get; init; } = 28;

    /// <summary>
    /// Days of history before an ACWR is reported (default 28 = the chronic window). Earlier ratios compare a
    /// week with a mostly empty month and would flag every new athlete.
    /// </summary>
    public int MinimumHistoryDaysForAcwr { get; init; } = 28;

    /// <summary>Smoothing factor applied per day to CTL.</summary>
    public double CtlFactor => Factor(CtlTimeConstantDays);

    /// <summary>Smoothing factor applied per day to ATL.</summary>
    public double AtlFactor => Factor(AtlTimeConstantDays);

    /// <summary>Throws <see cref="AnalyticsInputException"/> for non-positive constants or windows.</summary>
    public void Validate()
    {
        if (!(CtlTimeConstantDays >= 1) || !(AtlTimeConstantDays >= 1))
        {
            throw new AnalyticsInputException("CTL and ATL time constants must be at least one day.");
        }

        if (AcuteWindowDays < 1 || ChronicWindowDays < AcuteWindowDays)
        {
            throw new AnalyticsInputException("ACWR windows need 1 ≤ acute ≤ chronic days.");
        }
    }

    private double Factor(double tauDays) => ExponentialDecayFactor ? 1.0 - Math.Exp(-1.0 / tauDays) : 1.0 / tauDays;
}
