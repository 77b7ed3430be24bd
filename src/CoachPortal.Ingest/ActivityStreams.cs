namespace CoachPortal.Ingest;

/// <summary>
/// Columnar samples on a 1 Hz time base. Row <c>i</c> of every column belongs to second
/// <see cref="ElapsedSeconds"/>[i] after the activity start; seconds without a sample (pauses, smart recording,
/// signal loss) have no row, so gaps stay gaps and nothing is interpolated. A missing value is NaN.
/// When <see cref="IsTimeBased"/> is false (a track without times), rows are points in file order and
/// <see cref="ElapsedSeconds"/> holds the point index.
/// </summary>
public sealed class ActivityStreams
{
    /// <summary>No samples.</summary>
    public static ActivityStreams Empty { get; } = new(0, true);

    internal ActivityStreams(int count, bool isTimeBased)
    {
        Count = count;
        IsTimeBased = isTimeBased;
        ElapsedSeconds = new int[count];
        HeartRate = NewColumn(count);
        SpeedMetersPerSecond = NewColumn(count);
        PowerWatts = NewColumn(count);
        Cadence = NewColumn(count);
        DistanceMeters = NewColumn(count);
        AltitudeMeters = NewColumn(count);
        Latitude = NewColumn(count);
        Longitude = NewColumn(count);
        TemperatureCelsius = NewColumn(count);
    }

    internal ActivityStreams(int[] elapsed, double[][] columns)
    {
        Count = elapsed.Length;
        IsTimeBased = true;
        ElapsedSeconds = elapsed;
        HeartRate = columns[0];
        SpeedMetersPerSecond = columns[1];
        PowerWatts = columns[2];
        Cadence = columns[3];
        DistanceMeters = columns[4];
        AltitudeMeters = columns[5];
        Latitude = columns[6];
        Longitude = columns[7];
        TemperatureCelsius = columns[8];
    }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>False for tracks without times: rows are points and <see cref="ElapsedSeconds"/> is their index.</summary>
    public bool IsTimeBased { get; }

    /// <summary>Whole seconds since the activity start, strictly increasing.</summary>
    public int[] ElapsedSeconds { get; }

    /// <summary>Heart rate in beats per minute.</summary>
    public double[] HeartRate { get; }

    /// <summary>Speed in m/s.</summary>
    public double[] SpeedMetersPerSecond { get; }

    /// <summary>Power in watts.</summary>
    public double[] PowerWatts { get; }

    /// <summary>Cadence in rpm (FIT running cadence is per leg, as the device records it), fractional part included.</summary>
    public double[] Cadence { get; }

    /// <summary>Cumulative distance in meters.</summary>
    public double[] DistanceMeters { get; }

    /// <summary>Altitude in meters.</summary>
    public double[] AltitudeMeters { get; }

    /// <summary>Latitude in degrees (WGS84).</summary>
    public double[] Latitude { get; }

    /// <summary>Longitude in degrees (WGS84).</summary>
    public double[] Longitude { get; }

    /// <summary>Temperature in °C.</summary>
    public double[] TemperatureCelsius { get; }

    /// <summary>True when at least one row of <paramref name="column"/> has a value.</summary>
    public static bool HasValues(double[] column)
    {
        ArgumentNullException.ThrowIfNull(column);
        foreach (var v in column)
        {
            if (!double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    private static double[] NewColumn(int count)
    {
        var a = new double[count];
        a.AsSpan().Fill(double.NaN);
        return a;
    }
}
