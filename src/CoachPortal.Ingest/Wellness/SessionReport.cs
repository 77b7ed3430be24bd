namespace CoachPortal.Ingest.Wellness;

/// <summary>One training session reported after the fact (session RPE, Foster et al., 2001).</summary>
/// <param name="EndTime">when the session ended (UTC)</param>
/// <param name="Activities">activity labels as reported (e.g. "team", "soccer")</param>
/// <param name="PerceivedExertion">RPE 0 (rest) … 10 (maximal)</param>
/// <param name="DurationMinutes">session length in minutes</param>
public sealed record SessionReport(DateTimeOffset EndTime, IReadOnlyList<string> Activities, int PerceivedExertion, double DurationMinutes)
{
    /// <summary>Session load in arbitrary units: RPE × minutes.</summary>
    public double Load => PerceivedExertion * DurationMinutes;
}
