namespace CoachPortal.Analytics.Sessions;

/// <summary>Sport names stored on a training session (the stored session sport column).</summary>
public static class SessionSports
{
    /// <summary>Running, on foot.</summary>
    public const string Running = "Running";
    /// <summary>Cycling, road, indoor or off-road.</summary>
    public const string Cycling = "Cycling";
    /// <summary>Swimming, pool or open water.</summary>
    public const string Swimming = "Swimming";
    /// <summary>Any other sport.</summary>
    public const string Other = "Other";
}
