namespace CoachPortal.Core.Sessions.Streams;

/// <summary>
/// A session's 1 Hz samples as columns, as stored. Row <c>i</c> of each column belongs to second
/// <see cref="ElapsedSeconds"/>[i]; a missing value is NaN, and a column that is null was not recorded at all.
/// </summary>
public sealed class StreamColumns
{
    public required int[] ElapsedSeconds { get; init; }

    public double[]? HeartRateBpm { get; init; }

    public double[]? SpeedMetersPerSecond { get; init; }

    public double[]? PowerWatts { get; init; }

    public double[]? CadenceRpm { get; init; }

    public double[]? DistanceMeters { get; init; }

    public double[]? AltitudeMeters { get; init; }

    public double[]? Latitude { get; init; }

    public double[]? Longitude { get; init; }

    public double[]? TemperatureCelsius { get; init; }

    public int Count => ElapsedSeconds.Length;
}
