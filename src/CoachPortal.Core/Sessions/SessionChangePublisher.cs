using CoachPortal.Core.Load;
using CoachPortal.Core.Notifications;

namespace CoachPortal.Core.Sessions;

/// <summary>
/// The one place told when an athlete's sessions change (imported, RPE edited): it tells open pages and queues
/// the recompute of the athlete's daily loads from that day on.
/// </summary>
public sealed class SessionChangePublisher(ChangeNotifier notifier, LoadRecomputeScheduler loads)
{
    /// <summary>Sessions of <paramref name="athleteId"/> on or after <paramref name="fromDate"/> (UTC date) changed.</summary>
    public void OnSessionsChanged(int athleteId, DateOnly fromDate)
    {
        // The athlete's local day of a session is never before its UTC day minus one.
        loads.Schedule(athleteId, fromDate.AddDays(-1));
        notifier.Publish(Topics.Athlete(athleteId));
    }

    /// <summary>A session's class label changed: pages update, loads do not depend on it.</summary>
    public void OnSessionLabelled(int athleteId) => notifier.Publish(Topics.Athlete(athleteId));

    /// <summary>An upload of <paramref name="athleteId"/> changed status (no session changed).</summary>
    public void OnUploadChanged(int athleteId) => notifier.Publish(Topics.Athlete(athleteId));
}
