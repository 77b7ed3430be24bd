namespace CoachPortal.Analytics.Sessions;

/// <summary>Running-specific metrics: grade adjustment of speed and running TSS.</summary>
public static class RunningMetrics
{
    /// <summary>Grades beyond ±45 % lie outside Minetti's measurements and are clamped.</summary>
    public const double MaxGradeFraction = 0.45;

    /// <summary>
    /// Energy cost of running in J·kg⁻¹·m⁻¹ at a gradient (rise/run):
    /// Cr = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6 (Minetti et al. 2002, J Appl Physiol 93:1039).
    /// </summary>
    public static double EnergyCostOfRunning(double gradeFraction)
    {
        var i = Math.Clamp(gradeFraction, -MaxGradeFraction, MaxGradeFraction);
        return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + 3.6;
    }

    /// <summary>Flat-ground speed of equal energy cost: v · Cr(grade) / Cr(0) (Minetti et al. 2002).</summary>
    public static double GradeAdjustedSpeed(double speedMetersPerSecond, double gradeFraction) =>
        speedMetersPerSecond * EnergyCostOfRunning(gradeFraction) / EnergyCostOfRunning(0);

    /// <summary>
    /// Running TSS = hours · (NGS / threshold speed)² · 100, where NGS is the normalised graded speed (the 30-s
    /// rolling, 4th-power mean of grade-adjusted speed); TrainingPeaks' rTSS after Coggan's TSS (Allen &amp; Coggan 2010).
    /// </summary>
    public static double RunningTss(double durationSeconds, double normalizedGradedSpeedMetersPerSecond, double thresholdSpeedMetersPerSecond)
    {
        var intensity = normalizedGradedSpeedMetersPerSecond / thresholdSpeedMetersPerSecond;
        return durationSeconds / 3600.0 * intensity * intensity * 100.0;
    }

    /// <summary>Pace in seconds per kilometre from a speed; null at zero speed.</summary>
    public static double? PaceSecondsPerKilometer(double speedMetersPerSecond) =>
        speedMetersPerSecond > 0 ? 1000.0 / speedMetersPerSecond : null;
}
