namespace CoachPortal.Ingest;

/// <summary>
/// Totals computed from the streams, for files that report none (GPX, CSV) or leave fields out. The portal should
/// prefer what the device reported: <c>activity.Summary.Or(StreamStatistics.Summarise(activity))</c>.
/// </summary>
public static class StreamStatistics
{
    private const double EarthRadiusMeters = 6_371_008.8; // mean radius (IUGG)

    /// <summary>
    /// Elapsed time (last sample second), distance (cumulative column, else the great-circle length of the
    /// track), and mean and maximum of heart rate, speed, power and cadence over the rows that have them.
    /// Ascent is left out: GPS altitude needs smoothing that belongs to analysis, not decoding.
    /// </summary>
    public static ActivitySummary Summarise(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var s = activity.Streams;
        var (avgHr, maxHr) = MeanMax(s.HeartRate);
        var (avgSpeed, maxSpeed) = MeanMax(s.SpeedMetersPerSecond);
        var (avgPower, maxPower) = MeanMax(s.PowerWatts);
        var (avgCadence, maxCadence) = MeanMax(s.Cadence);
        return new ActivitySummary
        {
            StartTimeUtc = activity.StartTimeUtc,
            ElapsedSeconds = s.IsTimeBased && s.Count > 0 ? s.ElapsedSeconds[^1] : null,
            DistanceMeters = Distance(s),
            AvgHeartRate = avgHr,
            MaxHeartRate = maxHr,
            AvgSpeed = avgSpeed,
            MaxSpeed = maxSpeed,
            AvgPower = avgPower,
            MaxPower = maxPower,
            AvgCadence = avgCadence,
            MaxCadence = maxCadence,
        };
    }

    private static (double? Mean, double? Max) MeanMax(double[] column)
    {
        var sum = 0.0;
        var n = 0;
        var max = double.NegativeInfinity;
        foreach (var v in column)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
                max = Math.Max(max, v);
            }
        }

        return n == 0 ? (null, null) : (sum / n, max);
    }

    private static double? Distance(ActivityStreams s)
    {
        double? max = null;
        foreach (var d in s.DistanceMeters)
        {
            if (!double.IsNaN(d) && (max is null || d > max))
            {
                max = d;
            }
        }

        if (max is not null)
        {
            return max;
        }

        double? total = null;
        var (lat0, lon0) = (double.NaN, double.NaN);
        for (var i = 0; i < s.Count; i++)
        {
            var (lat, lon) = (s.Latitude[i], s.Longitude[i]);
            if (double.IsNaN(lat) || double.IsNaN(lon))
            {
                continue;
            }

            if (!double.IsNaN(lat0))
            {
                total = (total ?? 0) + Haversine(lat0, lon0, lat, lon);
            }

            (lat0, lon0) = (lat, lon);
        }

        return total;
    }

    /// <summary>
    /// For a timed track that recorded neither distance nor speed (most GPX files): cumulative distance along the
    /// great circle between fixes, and the speed over each step of at most <paramref name="maxStepSeconds"/> (a longer
    /// step is a pause, with no speed). Returns false and changes nothing when the track has either column already.
    /// </summary>
    internal static bool FillDistanceAndSpeedFromTrack(ActivityStreams s, int maxStepSeconds = 60)
    {
        if (!s.IsTimeBased || ActivityStreams.HasValues(s.DistanceMeters) || ActivityStreams.HasValues(s.SpeedMetersPerSecond))
        {
            return false;
        }

        var total = 0.0;
        var previous = -1;
        var filled = false;
        for (var i = 0; i < s.Count; i++)
        {
            var (lat, lon) = (s.Latitude[i], s.Longitude[i]);
            if (double.IsNaN(lat) || double.IsNaN(lon))
            {
                continue;
            }

            if (previous >= 0)
            {
                var meters = Haversine(s.Latitude[previous], s.Longitude[previous], lat, lon);
                total += meters;
                var seconds = s.ElapsedSeconds[i] - s.ElapsedSeconds[previous];
                if (seconds <= maxStepSeconds)
                {
                    s.SpeedMetersPerSecond[i] = meters / seconds;
                }
            }

            s.DistanceMeters[i] = total;
            previous = i;
            filled = true;
        }

        return filled;
    }

    // Haversine great-circle distance (Sinnott, 1984).
    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double toRadians = Math.PI / 180;
        var dLat = (lat2 - lat1) * toRadians;
        var dLon = (lon2 - lon1) * toRadians;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
            (Math.Cos(lat1 * toRadians) * Math.Cos(lat2 * toRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
