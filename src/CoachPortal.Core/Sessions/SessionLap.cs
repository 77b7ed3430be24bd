namespace CoachPortal.Core.Sessions;

/// <summary>One lap of a session, as the device recorded it.</summary>
public class SessionLap
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    /// <summary>0-based position of the lap in the session.</summary>
    public int LapIndex { get; set; }

    public DateTime StartUtc { get; set; }

    /// <summary>Offset of the lap start from the session start.</summary>
    public int StartOffsetSeconds { get; set; }

    public int DurationSeconds { get; set; }

    public double? DistanceMeters { get; set; }

    public int? AvgHeartRateBpm { get; set; }

    public int? MaxHeartRateBpm { get; set; }

    public double? AvgPowerWatts { get; set; }

    public double? AvgSpeedMetersPerSecond { get; set; }
}
