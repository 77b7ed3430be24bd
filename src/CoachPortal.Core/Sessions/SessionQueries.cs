namespace CoachPortal.Core.Sessions;

/// <summary>Filters shared by every feature built on sessions.</summary>
public static class SessionQueries
{
    /// <summary>Sessions that feed loads, curves and datasets: all but those from damaged files not yet kept.</summary>
    public static IQueryable<TrainingSession> CountingTowardLoad(this IQueryable<TrainingSession> sessions) =>
        sessions.Where(s => !s.AwaitingReview);
}
