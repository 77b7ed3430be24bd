namespace CoachPortal.Analytics.Performance;

/// <summary>Race-time prediction from one known performance.</summary>
public static class RacePredictor
{
    /// <summary>Riegel's fatigue exponent (Riegel 1981, American Scientist 69:285).</summary>
    public const double RiegelExponent = 1.06;

    /// <summary>Riegel: T₂ = T₁ · (D₂ / D₁)^1.06 (Riegel 1981).</summary>
    public static double RiegelSeconds(double knownDistanceMeters, double knownDurationSeconds, double targetDistanceMeters, double exponent = RiegelExponent)
    {
        if (!(knownDistanceMeters > 0) || !(knownDurationSeconds > 0) || !(targetDistanceMeters > 0))
        {
            throw new AnalyticsInputException("Distances and duration must be positive.");
        }

        return knownDurationSeconds * Math.Pow(targetDistanceMeters / knownDistanceMeters, exponent);
    }

    /// <summary>Equivalent time by VDOT: the target distance run at the known performance's VDOT (Daniels 2014).</summary>
    public static double VdotSeconds(double knownDistanceMeters, double knownDurationSeconds, double targetDistanceMeters) =>
        Vdot.PredictTimeSeconds(Vdot.FromPerformance(knownDistanceMeters, knownDurationSeconds), targetDistanceMeters);
}
