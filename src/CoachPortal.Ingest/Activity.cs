namespace CoachPortal.Ingest;

/// <summary>
/// One normalised activity, whatever file it came from: sport, start time, device, laps and columnar streams on a
/// 1 Hz time base.
/// </summary>
public sealed class Activity
{
    /// <summary>Sport (FIT numbering).</summary>
    public Sport Sport { get; init; }

    /// <summary>Sub-sport (FIT numbering).</summary>
    public SubSport SubSport { get; init; }

    /// <summary>Start time in UTC; null when the file has no absolute time (e.g. a GPX without times).</summary>
    public DateTime? StartTimeUtc { get; init; }

    /// <summary>The device or application that wrote the file ("Garmin fenix 5", a GPX creator…), when known.</summary>
    public string? Creator { get; init; }

    /// <summary>Name or notes from the file, when it has one.</summary>
    public string? Name { get; init; }

    /// <summary>Totals as the file reported them (FIT session, TCX laps summed).</summary>
    public ActivitySummary Summary { get; init; } = new();

    /// <summary>Laps in order.</summary>
    public IReadOnlyList<ActivitySummary> Laps { get; init; } = [];

    /// <summary>The sampled data, one row per second that has a sample.</summary>
    public ActivityStreams Streams { get; init; } = ActivityStreams.Empty;

    /// <summary>Beat-to-beat (RR) intervals in seconds, from FIT hrv messages; empty when the file has none.</summary>
    public IReadOnlyList<double> BeatIntervalsSeconds { get; init; } = [];
}
