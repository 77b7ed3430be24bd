namespace CoachPortal.Analytics.Sessions;

/// <summary>Heart-rate based training loads: Banister TRIMP, Edwards TRIMP and hrTSS. Each sample is one second.</summary>
public static class HeartRateLoad
{
    // Banister TRIMP weighting y = b·e^(c·HRr): men b = 0.64, c = 1.92; women b = 0.86, c = 1.67
    // (Banister 1991, "Modeling elite athletic performance"; constants from Morton, Fitz-Clarke & Banister 1990).
    private const double MaleB = 0.64;
    private const double MaleC = 1.92;
    private const double FemaleB = 0.86;
    private const double FemaleC = 1.67;

    /// <summary>
    /// Banister TRIMP = Σ Δt[min] · HRr · b · e^(c · HRr), HRr = (HR − HRrest) / (HRmax − HRrest) clamped to [0, 1]
    /// (Banister 1991). <see cref="Sex.Unspecified"/> uses the male constants. Null without HRmax and HRrest.
    /// </summary>
    public static double? BanisterTrimp(ReadOnlySpan<float> heartRateBpm, AthleteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.MaxHeartRateBpm is not { } max || profile.RestingHeartRateBpm is not { } rest || max <= rest)
        {
            return null;
        }

        var (b, c) = Weighting(profile.Sex);
        var reserve = max - rest;
        var sum = 0.0;
        foreach (var hr in heartRateBpm)
        {
            if (float.IsNaN(hr))
            {
                continue;
            }

            var ratio = Math.Clamp((hr - rest) / reserve, 0.0, 1.0);
            sum += ratio * b * Math.Exp(c * ratio);
        }

        return sum / 60.0;
    }

    /// <summary>Banister TRIMP of a steady effort: minutes · HRr · b · e^(c · HRr) (Banister 1991).</summary>
    public static double BanisterTrimpOfSteadyEffort(double durationMinutes, double heartRateReserveFraction, Sex sex)
    {
        var (b, c) = Weighting(sex);
        var ratio = Math.Clamp(heartRateReserveFraction, 0.0, 1.0);
        return durationMinutes * ratio * b * Math.Exp(c * ratio);
    }

    /// <summary>
    /// Edwards TRIMP = Σ minutes in zone × zone weight, zones 50–60, 60–70, 70–80, 80–90, 90–100 % HRmax weighted
    /// 1 to 5 (Edwards 1993, "The Heart Rate Monitor Book"). Samples below 50 % HRmax count nothing.
    /// </summary>
    public static double? EdwardsTrimp(ReadOnlySpan<float> heartRateBpm, double? maxHeartRateBpm)
    {
        if (maxHeartRateBpm is not { } max || max <= 0)
        {
            return null;
        }

        var weightedSeconds = 0.0;
        foreach (var hr in heartRateBpm)
        {
            if (float.IsNaN(hr))
            {
                continue;
            }

            var fraction = hr / max;
            if (fraction >= 0.5)
            {
                weightedSeconds += Math.Min(5, (int)Math.Floor(fraction * 10) - 4);
            }
        }

        return weightedSeconds / 60.0;
    }

    /// <summary>
    /// hrTSS: the session's Banister TRIMP relative to one hour at LTHR, scaled so that that hour scores 100
    /// (TrainingPeaks' heart-rate TSS, after Coggan's TSS definition, Allen &amp; Coggan 2010).
    /// Null without HRmax, HRrest and LTHR.
    /// </summary>
    public static double? HeartRateTss(ReadOnlySpan<float> heartRateBpm, AthleteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.LactateThresholdHeartRateBpm is not { } lthr
            || profile.MaxHeartRateBpm is not { } max
            || profile.RestingHeartRateBpm is not { } rest
            || max <= rest
            || lthr <= rest)
        {
            return null;
        }

        var trimp = BanisterTrimp(heartRateBpm, profile)!.Value;
        var hourAtThreshold = BanisterTrimpOfSteadyEffort(60, (lthr - rest) / (max - rest), profile.Sex);
        return 100.0 * trimp / hourAtThreshold;
    }

    private static (double B, double C) Weighting(Sex sex) => sex == Sex.Female ? (FemaleB, FemaleC) : (MaleB, MaleC);
}
