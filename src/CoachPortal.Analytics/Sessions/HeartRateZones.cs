namespace CoachPortal.Analytics.Sessions;

/// <summary>
/// Heart-rate zones as ascending lower bounds in bpm; zone <c>i</c> is [bound i, bound i+1). Samples below the
/// first bound are counted in zone 1 (recovery), so the zone times always add up to the recorded HR time.
/// </summary>
public sealed class HeartRateZones
{
    private readonly double[] _upperBoundsBpm;

    /// <summary>Creates zones from the upper bound of every zone but the last, ascending, in bpm.</summary>
    public HeartRateZones(IReadOnlyList<double> upperBoundsBpm)
    {
        ArgumentNullException.ThrowIfNull(upperBoundsBpm);
        for (var i = 1; i < upperBoundsBpm.Count; i++)
        {
            if (upperBoundsBpm[i] <= upperBoundsBpm[i - 1])
            {
                throw new AnalyticsInputException("Zone bounds must be strictly ascending.");
            }
        }

        _upperBoundsBpm = [.. upperBoundsBpm];
    }

    /// <summary>Number of zones.</summary>
    public int Count => _upperBoundsBpm.Length + 1;

    /// <summary>Upper bounds (exclusive) of zones 1 … Count−1 in bpm.</summary>
    public IReadOnlyList<double> UpperBoundsBpm => _upperBoundsBpm;

    /// <summary>
    /// Five zones from LTHR with upper bounds at 81, 90, 94 and 100 % LTHR (Friel 2009, cycling zones of "The Triathlete's Training
    /// Bible", zones 1–4, with 5a–5c merged into zone 5).
    /// </summary>
    public static HeartRateZones FromLactateThreshold(double lactateThresholdHeartRateBpm) =>
        new([0.81 * lactateThresholdHeartRateBpm, 0.90 * lactateThresholdHeartRateBpm,
            0.94 * lactateThresholdHeartRateBpm, 1.00 * lactateThresholdHeartRateBpm]);

    /// <summary>
    /// Five zones from heart-rate reserve (Karvonen 1957): HRrest + {60, 70, 80, 90} % × (HRmax − HRrest) as upper
    /// bounds of zones 1–4.
    /// </summary>
    public static HeartRateZones FromHeartRateReserve(double maxHeartRateBpm, double restingHeartRateBpm)
    {
        var reserve = maxHeartRateBpm - restingHeartRateBpm;
        return new([restingHeartRateBpm + 0.6 * reserve, restingHeartRateBpm + 0.7 * reserve,
            restingHeartRateBpm + 0.8 * reserve, restingHeartRateBpm + 0.9 * reserve]);
    }

    /// <summary>Zones from the profile: LTHR when known, otherwise HRmax/HRrest, otherwise null.</summary>
    public static HeartRateZones? ForProfile(AthleteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.LactateThresholdHeartRateBpm is { } lthr)
        {
            return FromLactateThreshold(lthr);
        }

        if (profile.MaxHeartRateBpm is { } max && profile.RestingHeartRateBpm is { } rest && max > rest)
        {
            return FromHeartRateReserve(max, rest);
        }

        return null;
    }

    /// <summary>Zero-based zone index of a heart rate.</summary>
    public int ZoneOf(double heartRateBpm)
    {
        var zone = 0;
        while (zone < _upperBoundsBpm.Length && heartRateBpm >= _upperBoundsBpm[zone])
        {
            zone++;
        }

        return zone;
    }

    /// <summary>Seconds spent in each zone (one second per non-missing sample).</summary>
    public double[] TimeInZonesSeconds(ReadOnlySpan<float> heartRateBpm)
    {
        var seconds = new double[Count];
        foreach (var hr in heartRateBpm)
        {
            if (!float.IsNaN(hr))
            {
                seconds[ZoneOf(hr)] += 1;
            }
        }

        return seconds;
    }
}
