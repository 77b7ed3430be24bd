namespace CoachPortal.Analytics.Sessions;

/// <summary>
/// A session's 1 Hz recording as columns. <see cref="ElapsedSeconds"/> is strictly increasing; a step larger than
/// one second is a pause (nothing recorded, nothing counted). Every other column is optional and, when present, has
/// the same length as <see cref="ElapsedSeconds"/>; <see cref="float.NaN"/> marks a missing sample.
/// </summary>
public sealed class SessionStreams
{
    /// <summary>Seconds since the session start for each sample.</summary>
    public required int[] ElapsedSeconds { get; init; }

    /// <summary>Heart rate in beats per minute.</summary>
    public float[]? HeartRateBpm { get; init; }

    /// <summary>Instantaneous speed in metres per second.</summary>
    public float[]? SpeedMetersPerSecond { get; init; }

    /// <summary>Power in watts.</summary>
    public float[]? PowerWatts { get; init; }

    /// <summary>Cadence in revolutions (or strides) per minute.</summary>
    public float[]? CadenceRpm { get; init; }

    /// <summary>Cumulative distance in metres.</summary>
    public float[]? DistanceMeters { get; init; }

    /// <summary>Altitude in metres.</summary>
    public float[]? AltitudeMeters { get; init; }

    /// <summary>Number of samples.</summary>
    public int Length => ElapsedSeconds.Length;

    /// <summary>Throws <see cref="AnalyticsInputException"/> when the columns are inconsistent.</summary>
    public void Validate()
    {
        var n = ElapsedSeconds.Length;
        for (var i = 1; i < n; i++)
        {
            if (ElapsedSeconds[i] <= ElapsedSeconds[i - 1])
            {
                throw new AnalyticsInputException($"ElapsedSeconds must be strictly increasing (index {i}).");
            }
        }

        Check(HeartRateBpm, nameof(HeartRateBpm));
        Check(SpeedMetersPerSecond, nameof(SpeedMetersPerSecond));
        Check(PowerWatts, nameof(PowerWatts));
        Check(CadenceRpm, nameof(CadenceRpm));
        Check(DistanceMeters, nameof(DistanceMeters));
        Check(AltitudeMeters, nameof(AltitudeMeters));

        void Check(float[]? column, string name)
        {
            if (column is not null && column.Length != n)
            {
                throw new AnalyticsInputException($"{name} has {column.Length} samples, ElapsedSeconds has {n}.");
            }
        }
    }
}
