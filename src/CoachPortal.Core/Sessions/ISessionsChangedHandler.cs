namespace CoachPortal.Core.Sessions;

/// <summary>
/// Told by <see cref="SessionChangePublisher"/> when an athlete's sessions change, so that features built on sessions
/// (daily loads) follow without sessions knowing them.
/// </summary>
public interface ISessionsChangedHandler
{
    /// <summary>Sessions of <paramref name="athleteId"/> on or after <paramref name="fromUtcDate"/> (UTC date) changed.</summary>
    void OnSessionsChanged(int athleteId, DateOnly fromUtcDate);
}
