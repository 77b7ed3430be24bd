using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Performance;

/// <summary>
/// Fits the 2-parameter critical-power model (Monod &amp; Scherrer 1965) as the linear work–time relation
/// W = CP · t + W′ (Moritani et al. 1981) by ordinary least squares.
/// </summary>
public static class CriticalPowerModel
{
    /// <summary>Shortest effort used from a curve by default (2 min): shorter ones are limited by other systems.</summary>
    public const int DefaultMinDurationSeconds = 120;

    /// <summary>Longest effort used from a curve by default (20 min), the usual 2–20 min range (Hill 1993).</summary>
    public const int DefaultMaxDurationSeconds = 1200;

    /// <summary>Fits CP and W′ to at least two efforts of different duration.</summary>
    public static CriticalPowerFit Fit(IReadOnlyList<DurationPower> efforts)
    {
        ArgumentNullException.ThrowIfNull(efforts);
        var n = efforts.Count;
        if (n < 2)
        {
            throw new AnalyticsInputException("The critical-power model needs at least two efforts.");
        }

        double meanT = 0, meanW = 0;
        foreach (var e in efforts)
        {
            if (!(e.DurationSeconds > 0) || !(e.PowerWatts >= 0))
            {
                throw new AnalyticsInputException($"Invalid effort {e}.");
            }

            meanT += e.DurationSeconds;
            meanW += e.DurationSeconds * e.PowerWatts;
        }

        meanT /= n;
        meanW /= n;
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var e in efforts)
        {
            var dt = e.DurationSeconds - meanT;
            var dw = e.DurationSeconds * e.PowerWatts - meanW;
            sxx += dt * dt;
            sxy += dt * dw;
            syy += dw * dw;
        }

        if (sxx <= 0)
        {
            throw new AnalyticsInputException("The efforts must differ in duration.");
        }

        var cp = sxy / sxx;
        var wPrime = meanW - cp * meanT;
        double ssRes = 0, powerSquares = 0;
        foreach (var e in efforts)
        {
            var r = e.DurationSeconds * e.PowerWatts - (cp * e.DurationSeconds + wPrime);
            ssRes += r * r;
            var pr = e.PowerWatts - (cp + wPrime / e.DurationSeconds);
            powerSquares += pr * pr;
        }

        var rSquared = syy > 0 ? 1 - ssRes / syy : 1.0;
        double seCp = double.NaN, seWPrime = double.NaN;
        if (n > 2)
        {
            var sigma2 = ssRes / (n - 2);
            seCp = Math.Sqrt(sigma2 / sxx);
            var sumT2 = sxx + n * meanT * meanT;
            seWPrime = Math.Sqrt(sigma2 * sumT2 / (n * sxx));
        }

        return new CriticalPowerFit(cp, wPrime, rSquared, Math.Sqrt(powerSquares / n), seCp, seWPrime, n);
    }

    /// <summary>Fits CP and W′ to the points of a mean-maximal power curve within a duration range.</summary>
    public static CriticalPowerFit FitCurve(
        MeanMaximalCurve powerCurve,
        int minDurationSeconds = DefaultMinDurationSeconds,
        int maxDurationSeconds = DefaultMaxDurationSeconds)
    {
        ArgumentNullException.ThrowIfNull(powerCurve);
        var efforts = new List<DurationPower>();
        for (var i = 0; i < powerCurve.DurationsSeconds.Count; i++)
        {
            var d = powerCurve.DurationsSeconds[i];
            var p = powerCurve.Values[i];
            if (d >= minDurationSeconds && d <= maxDurationSeconds && !double.IsNaN(p))
            {
                efforts.Add(new DurationPower(d, p));
            }
        }

        return Fit(efforts);
    }
}
