using CoachPortal.Core.Notifications;

namespace CoachPortal.Core.Sessions;

/// <summary>
/// The one place told when an athlete's sessions change (imported, RPE edited). Today it tells open pages;
/// this is where derived data that depends on sessions (daily loads) hooks in.
/// </summary>
public sealed class SessionChangePublisher(ChangeNotifier notifier)
{
    /// <summary>Sessions of <paramref name="athleteId"/> on or after <paramref name="fromDate"/> (UTC date) changed.</summary>
    public void OnSessionsChanged(int athleteId, DateOnly fromDate)
    {
        _ = fromDate;
        notifier.Publish(Topics.Athlete(athleteId));
    }

    /// <summary>An upload of <paramref name="athleteId"/> changed status (no session changed).</summary>
    public void OnUploadChanged(int athleteId) => notifier.Publish(Topics.Athlete(athleteId));
}
