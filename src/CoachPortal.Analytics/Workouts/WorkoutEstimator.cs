using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Workouts;

/// <summary>
/// Expected duration and load of a workout for an athlete. Each step's intensity factor (IF) comes from its target;
/// load is Coggan's TSS = hours × IF² × 100 summed over steps, which for heart-rate targets is the hrTSS convention
/// and for pace targets rTSS (IF = threshold pace / pace).
/// </summary>
public static class WorkoutEstimator
{
    // Mid-zone intensity factors of a 5-zone LTHR model (Friel): Z1 < 81 %, Z2 81–89 %, Z3 90–93 %, Z4 94–99 %, Z5 ≥ 100 % of LTHR.
    private static readonly double[] s_zoneIntensity = [0.55, 0.70, 0.85, 0.95, 1.05];

    /// <summary>Threshold pace assumed for an athlete without one (4:30/km, the running default of the speed estimate too).</summary>
    public const int ReferenceThresholdPaceSecondsPerKm = 270;

    /// <summary>Steps at or above this IF count as high intensity for the intensity distribution.</summary>
    public const double HighIntensityFactor = 0.88;

    /// <summary>Duration, intensity and TSS of a workout for one athlete and sport.</summary>
    public static WorkoutEstimate Estimate(StructuredWorkout workout, string sport, AthleteTrainingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(workout);
        ArgumentNullException.ThrowIfNull(profile);
        double seconds = 0, meters = 0, tss = 0, srpe = 0, hard = 0;
        var anyDistance = false;
        var kinds = new Dictionary<WorkoutTargetKind, double>();
        foreach (var step in workout.Flatten())
        {
            var e = EstimateStep(step, sport, profile);
            seconds += e.Seconds;
            tss += e.Tss;
            srpe += RpeOf(e.IntensityFactor) * e.Seconds / 60;
            if (e.IntensityFactor >= HighIntensityFactor)
            {
                hard += e.Seconds;
            }

            if (step.DistanceMeters is { } m)
            {
                meters += m;
                anyDistance = true;
            }
            else if (e.SpeedMetersPerSecond is { } v)
            {
                meters += v * e.Seconds;
            }

            kinds[step.Target.Kind] = kinds.GetValueOrDefault(step.Target.Kind) + e.Seconds;
        }

        var dominant = kinds.Count == 0 ? WorkoutTargetKind.None : kinds.MaxBy(k => k.Value).Key;
        var method = dominant switch
        {
            WorkoutTargetKind.PercentFtp => "TSS from % FTP",
            WorkoutTargetKind.HeartRateZone => "hrTSS from heart-rate zones",
            WorkoutTargetKind.PaceSecondsPerKm => "rTSS from pace",
            WorkoutTargetKind.Rpe => "TSS-equivalent from RPE (sRPE also given)",
            _ => "TSS-equivalent from step roles",
        };
        var intensity = seconds > 0 ? Math.Sqrt(tss / (seconds / 3600) / 100) : 0;
        return new WorkoutEstimate(Math.Round(seconds), anyDistance || meters > 0 ? Math.Round(meters) : null, Math.Round(tss, 1),
            Math.Round(intensity, 3), Math.Round(srpe), Math.Round(hard), method);
    }

    /// <summary>One step's seconds, intensity factor, load and (when known) speed.</summary>
    public static StepEstimate EstimateStep(WorkoutStepSpec step, string sport, AthleteTrainingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(profile);
        var intensity = IntensityOf(step, profile);
        double? speed = null;
        if (step.Target.Kind == WorkoutTargetKind.PaceSecondsPerKm)
        {
            speed = 1000 / step.Target.Mid;
        }
        else if (step.DistanceMeters is not null || profile.ThresholdPaceSecondsPerKm is not null)
        {
            // rTSS's definition IF = speed / threshold speed, inverted to get a speed for a distance step.
            speed = ThresholdSpeed(sport, profile) * Math.Max(0.4, intensity);
        }

        var seconds = step.DurationSeconds ?? step.DistanceMeters!.Value / speed!.Value;
        var tss = seconds / 3600 * intensity * intensity * 100;
        return new StepEstimate(seconds, intensity, tss, speed);
    }

    /// <summary>A step's intensity factor (1.0 = threshold) from its target.</summary>
    public static double IntensityOf(WorkoutStepSpec step, AthleteTrainingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(profile);
        var t = step.Target;
        return t.Kind switch
        {
            WorkoutTargetKind.PercentFtp => t.Mid / 100,
            WorkoutTargetKind.HeartRateZone => (s_zoneIntensity[(int)t.Low - 1] + s_zoneIntensity[(int)t.High - 1]) / 2,
            // rTSS's IF = threshold pace / pace; without the athlete's threshold, the reference runner's, so 3:50/km reads as hard, not as easy.
            WorkoutTargetKind.PaceSecondsPerKm => (profile.ThresholdPaceSecondsPerKm ?? ReferenceThresholdPaceSecondsPerKm) / t.Mid,
            // Borg CR-10 roughly linear in %threshold: RPE 1 ≈ 0.51, RPE 5 ≈ 0.75, RPE 10 ≈ 1.05.
            WorkoutTargetKind.Rpe => 0.45 + 0.06 * t.Mid,
            _ => step.Kind switch
            {
                WorkoutStepKind.Rest => 0,
                WorkoutStepKind.Warmup or WorkoutStepKind.Cooldown or WorkoutStepKind.Recovery => 0.55,
                _ => 0.70,
            },
        };
    }

    /// <summary>The inverse of the RPE mapping in <see cref="IntensityOf"/>, clamped to CR-10.</summary>
    public static double RpeOf(double intensityFactor) => intensityFactor <= 0 ? 0 : Math.Clamp((intensityFactor - 0.45) / 0.06, 1, 10);

    private static double ThresholdSpeed(string sport, AthleteTrainingProfile profile)
    {
        if (profile.ThresholdPaceSecondsPerKm is { } pace && sport == SessionSports.Running)
        {
            return 1000.0 / pace;
        }

        return sport switch
        {
            SessionSports.Cycling => 10.0,
            SessionSports.Swimming => 1.3,
            SessionSports.Running => 1000.0 / ReferenceThresholdPaceSecondsPerKm,
            _ => 3.0,
        };
    }
}
