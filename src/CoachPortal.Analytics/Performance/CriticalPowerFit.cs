namespace CoachPortal.Analytics.Performance;

/// <summary>The 2-parameter critical-power model P(t) = CP + W′ / t fitted to best efforts, with its fit quality.</summary>
/// <param name="CriticalPowerWatts">Critical power in watts.</param>
/// <param name="WPrimeJoules">Work capacity above CP (W′) in joules.</param>
/// <param name="RSquaredWork">R² of the linear work–time regression (near 1 by construction; see <paramref name="StandardErrorOfEstimateWatts"/>).</param>
/// <param name="StandardErrorOfEstimateWatts">Root-mean-square error of predicted against observed power, in watts.</param>
/// <param name="StandardErrorCriticalPowerWatts">Standard error of CP in watts (NaN with two points).</param>
/// <param name="StandardErrorWPrimeJoules">Standard error of W′ in joules (NaN with two points).</param>
/// <param name="PointsUsed">Number of efforts in the fit.</param>
public sealed record CriticalPowerFit(
    double CriticalPowerWatts,
    double WPrimeJoules,
    double RSquaredWork,
    double StandardErrorOfEstimateWatts,
    double StandardErrorCriticalPowerWatts,
    double StandardErrorWPrimeJoules,
    int PointsUsed)
{
    /// <summary>Power sustainable for a duration: CP + W′ / t.</summary>
    public double PowerAtDurationWatts(double durationSeconds) => CriticalPowerWatts + WPrimeJoules / durationSeconds;

    /// <summary>Time to exhaustion at a power above CP: W′ / (P − CP); null at or below CP.</summary>
    public double? TimeToExhaustionSeconds(double powerWatts) =>
        powerWatts > CriticalPowerWatts ? WPrimeJoules / (powerWatts - CriticalPowerWatts) : null;
}
