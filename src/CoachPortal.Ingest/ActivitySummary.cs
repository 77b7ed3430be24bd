namespace CoachPortal.Ingest;

/// <summary>
/// Totals and averages of a whole activity or of one lap, as the device (or file) reported them. Absent values are
/// null; nothing is computed from the streams here.
/// </summary>
public sealed record ActivitySummary
{
    /// <summary>Start time in UTC; null when the file has only relative times.</summary>
    public DateTime? StartTimeUtc { get; init; }

    /// <summary>Seconds from start to end, pauses included.</summary>
    public double? ElapsedSeconds { get; init; }

    /// <summary>Seconds the timer ran (pauses excluded).</summary>
    public double? TimerSeconds { get; init; }

    /// <summary>Distance in meters.</summary>
    public double? DistanceMeters { get; init; }

    /// <summary>Energy in kilocalories.</summary>
    public double? Calories { get; init; }

    /// <summary>Average heart rate in beats per minute.</summary>
    public double? AvgHeartRate { get; init; }

    /// <summary>Maximum heart rate in beats per minute.</summary>
    public double? MaxHeartRate { get; init; }

    /// <summary>Average speed in m/s.</summary>
    public double? AvgSpeed { get; init; }

    /// <summary>Maximum speed in m/s.</summary>
    public double? MaxSpeed { get; init; }

    /// <summary>Average power in watts.</summary>
    public double? AvgPower { get; init; }

    /// <summary>Maximum power in watts.</summary>
    public double? MaxPower { get; init; }

    /// <summary>Average cadence (rpm, or steps per minute per leg for running as FIT records it).</summary>
    public double? AvgCadence { get; init; }

    /// <summary>Maximum cadence.</summary>
    public double? MaxCadence { get; init; }

    /// <summary>Total ascent in meters.</summary>
    public double? AscentMeters { get; init; }

    /// <summary>Total descent in meters.</summary>
    public double? DescentMeters { get; init; }

    /// <summary>This summary with every missing value taken from <paramref name="fallback"/>.</summary>
    public ActivitySummary Or(ActivitySummary fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new ActivitySummary
        {
            StartTimeUtc = StartTimeUtc ?? fallback.StartTimeUtc,
            ElapsedSeconds = ElapsedSeconds ?? fallback.ElapsedSeconds,
            TimerSeconds = TimerSeconds ?? fallback.TimerSeconds,
            DistanceMeters = DistanceMeters ?? fallback.DistanceMeters,
            Calories = Calories ?? fallback.Calories,
            AvgHeartRate = AvgHeartRate ?? fallback.AvgHeartRate,
            MaxHeartRate = MaxHeartRate ?? fallback.MaxHeartRate,
            AvgSpeed = AvgSpeed ?? fallback.AvgSpeed,
            MaxSpeed = MaxSpeed ?? fallback.MaxSpeed,
            AvgPower = AvgPower ?? fallback.AvgPower,
            MaxPower = MaxPower ?? fallback.MaxPower,
            AvgCadence = AvgCadence ?? fallback.AvgCadence,
            MaxCadence = MaxCadence ?? fallback.MaxCadence,
            AscentMeters = AscentMeters ?? fallback.AscentMeters,
            DescentMeters = DescentMeters ?? fallback.DescentMeters,
        };
    }
}
