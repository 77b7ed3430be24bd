namespace CoachPortal.Analytics.Performance;

/// <summary>
/// Daniels' VDOT: the VO₂max a race performance implies (Daniels &amp; Gilbert 1979, "Oxygen Power";
/// Daniels 2014, "Daniels' Running Formula").
/// </summary>
public static class Vdot
{
    /// <summary>Oxygen cost of running in ml·kg⁻¹·min⁻¹ at a speed in m/min: −4.60 + 0.182258 v + 0.000104 v² (Daniels &amp; Gilbert 1979).</summary>
    public static double OxygenCost(double speedMetersPerMinute) =>
        -4.60 + 0.182258 * speedMetersPerMinute + 0.000104 * speedMetersPerMinute * speedMetersPerMinute;

    /// <summary>
    /// Fraction of VO₂max sustainable for a duration in minutes:
    /// 0.8 + 0.1894393 e^(−0.012778 t) + 0.2989558 e^(−0.1932605 t) (Daniels &amp; Gilbert 1979).
    /// </summary>
    public static double FractionOfMax(double durationMinutes) =>
        0.8 + 0.1894393 * Math.Exp(-0.012778 * durationMinutes) + 0.2989558 * Math.Exp(-0.1932605 * durationMinutes);

    /// <summary>VDOT of a race: oxygen cost of its mean speed over the fraction sustainable for its duration.</summary>
    public static double FromPerformance(double distanceMeters, double durationSeconds)
    {
        if (!(distanceMeters > 0) || !(durationSeconds > 0))
        {
            throw new AnalyticsInputException("Distance and duration must be positive.");
        }

        var minutes = durationSeconds / 60.0;
        return OxygenCost(distanceMeters / minutes) / FractionOfMax(minutes);
    }

    /// <summary>The highest VDOT among best efforts (distance in metres, duration in seconds); null when none.</summary>
    public static double? FromBestEfforts(IEnumerable<(double DistanceMeters, double DurationSeconds)> efforts)
    {
        ArgumentNullException.ThrowIfNull(efforts);
        double? best = null;
        foreach (var (distance, duration) in efforts)
        {
            var v = FromPerformance(distance, duration);
            best = best is { } b ? Math.Max(b, v) : v;
        }

        return best;
    }

    /// <summary>
    /// Race time in seconds at which a distance yields the given VDOT, solved by bisection (VDOT falls monotonically
    /// with time at a fixed distance over race durations of 3.5 min to 5 h+).
    /// </summary>
    public static double PredictTimeSeconds(double vdot, double distanceMeters)
    {
        if (!(vdot > 0) || !(distanceMeters > 0))
        {
            throw new AnalyticsInputException("VDOT and distance must be positive.");
        }

        // Bracket from 1 m/s … 12 m/s mean speed; VDOT(time) is decreasing in between.
        var low = distanceMeters / 12.0;
        var high = distanceMeters / 1.0;
        for (var i = 0; i < 200 && high - low > 1e-6; i++)
        {
            var mid = 0.5 * (low + high);
            if (FromPerformance(distanceMeters, mid) > vdot)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }
}
