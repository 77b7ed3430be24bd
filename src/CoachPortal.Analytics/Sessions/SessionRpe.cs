namespace CoachPortal.Analytics.Sessions;

/// <summary>Session-RPE training load (Foster et al. 2001, J Strength Cond Res 15:109).</summary>
public static class SessionRpe
{
    /// <summary>
    /// Load in arbitrary units = CR-10 rating of perceived exertion (0–10) × session duration in minutes
    /// (Foster et al. 2001).
    /// </summary>
    public static double Load(double rpe, double durationMinutes)
    {
        if (rpe is < 0 or > 10 || double.IsNaN(rpe))
        {
            throw new AnalyticsInputException($"RPE must lie on the CR-10 scale 0–10, was {rpe}.");
        }

        if (durationMinutes < 0 || double.IsNaN(durationMinutes))
        {
            throw new AnalyticsInputException($"Duration must be non-negative, was {durationMinutes}.");
        }

        return rpe * durationMinutes;
    }
}
