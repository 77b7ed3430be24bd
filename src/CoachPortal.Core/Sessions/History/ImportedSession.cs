namespace CoachPortal.Core.Sessions.History;

/// <summary>A session-RPE session read from a training log, before it is stored.</summary>
/// <param name="StartUtc">when it started</param>
/// <param name="DurationSeconds">its length</param>
/// <param name="Rpe">rating of perceived exertion, 1–10 (CR-10)</param>
/// <param name="Title">the activity names, when the log has them</param>
/// <param name="Sport">see <see cref="Analytics.Sessions.SessionSports"/>, guessed from the activity names</param>
public sealed record ImportedSession(DateTime StartUtc, int DurationSeconds, int Rpe, string? Title, string Sport)
{
    /// <summary>Session RPE load: RPE × minutes (Foster et al., 2001).</summary>
    public double LoadAu => Analytics.Sessions.SessionRpe.Load(Rpe, DurationSeconds / 60.0);
}
