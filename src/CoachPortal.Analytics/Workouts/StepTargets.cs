using System.Globalization;

namespace CoachPortal.Analytics.Workouts;

/// <summary>A step's target in the athlete's own numbers: watts from FTP, beats from LTHR, pace as m:ss/km.</summary>
public static class StepTargets
{
    // Friel's LTHR zones as fractions of lactate-threshold heart rate.
    private static readonly double[] s_low = [0.65, 0.81, 0.90, 0.94, 1.00];
    private static readonly double[] s_high = [0.81, 0.89, 0.93, 0.99, 1.06];

    /// <summary>Lower edge of a heart-rate zone (1–5) as a fraction of LTHR.</summary>
    public static double ZoneLow(int zone) => s_low[Math.Clamp(zone, 1, 5) - 1];

    /// <summary>Upper edge of a heart-rate zone (1–5) as a fraction of LTHR.</summary>
    public static double ZoneHigh(int zone) => s_high[Math.Clamp(zone, 1, 5) - 1];

    /// <summary>The target in plain words, with the athlete's own numbers where the profile has them.</summary>
    public static string Describe(WorkoutTarget target, AthleteTrainingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(profile);
        var plain = WorkoutFormatter.Target(target);
        return target.Kind switch
        {
            WorkoutTargetKind.HeartRateZone when profile.LactateThresholdHeartRateBpm is { } lthr =>
                string.Create(CultureInfo.InvariantCulture, $"{plain} ({ZoneLow((int)target.Low) * lthr:0}–{ZoneHigh((int)target.High) * lthr:0} bpm)"),
            WorkoutTargetKind.PercentFtp when profile.FtpWatts is { } ftp =>
                string.Create(CultureInfo.InvariantCulture, $"{plain} ({ftp * target.Low / 100:0}{(target.Low.Equals(target.High) ? "" : string.Create(CultureInfo.InvariantCulture, $"–{ftp * target.High / 100:0}"))} W)"),
            WorkoutTargetKind.Rpe => plain + " (of 10)",
            _ => plain,
        };
    }
}
