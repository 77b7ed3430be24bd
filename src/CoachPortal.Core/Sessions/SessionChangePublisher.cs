using CoachPortal.Core.Notifications;

namespace CoachPortal.Core.Sessions;

/// <summary>
/// The one place told when an athlete's sessions change (imported, RPE edited): it tells open pages and queues
/// the features built on sessions (<see cref="ISessionsChangedHandler"/>: the recompute of daily loads from that day on).
/// </summary>
public sealed class SessionChangePublisher(ChangeNotifier notifier, IEnumerable<ISessionsChangedHandler> handlers)
{
    /// <summary>Sessions of <paramref name="athleteId"/> on or after <paramref name="fromDate"/> (UTC date) changed.</summary>
    public void OnSessionsChanged(int athleteId, DateOnly fromDate)
    {
        foreach (var handler in handlers)
        {
            handler.OnSessionsChanged(athleteId, fromDate);
        }

        notifier.Publish(Topics.Athlete(athleteId));
    }

    /// <summary>A session's class label changed: pages update, loads do not depend on it.</summary>
    public void OnSessionLabelled(int athleteId) => notifier.Publish(Topics.Athlete(athleteId));

    /// <summary>An upload of <paramref name="athleteId"/> changed status (no session changed).</summary>
    public void OnUploadChanged(int athleteId) => notifier.Publish(Topics.Athlete(athleteId));
}
