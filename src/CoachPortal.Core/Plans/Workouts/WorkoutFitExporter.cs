using CoachPortal.Analytics.Sessions;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Ingest.Fit;
using CoachPortal.Ingest.Text;
using CoachPortal.Ingest.Workouts;
using IngestSport = CoachPortal.Ingest.Sport;

namespace CoachPortal.Core.Plans.Workouts;

/// <summary>
/// A structured workout as a FIT workout file for the athlete's device: targets in the athlete's own watts, beats and
/// speeds where their thresholds are known, a heart-rate zone otherwise; repeats as FIT repeat steps.
/// </summary>
public static class WorkoutFitExporter
{
    public static Workout ToFitWorkout(string name, string sport, StructuredWorkout workout, AthleteTrainingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(workout);
        ArgumentNullException.ThrowIfNull(profile);
        var steps = new List<WorkoutStep>();
        foreach (var segment in workout.Segments)
        {
            var first = steps.Count;
            steps.AddRange(segment.Steps.Select(s => Step(s, profile)));
            if (segment.IsRepeat && segment.Repeat > 1)
            {
                steps.Add(new WorkoutStep
                {
                    DurationType = WorkoutDurationType.RepeatUntilStepsComplete,
                    DurationValue = first,
                    RepeatCount = segment.Repeat,
                    TargetType = WorkoutTargetType.Open,
                });
            }
        }

        return new Workout
        {
            Name = name.Truncate(30),
            Sport = sport switch
            {
                SessionSports.Running => IngestSport.Running,
                SessionSports.Cycling => IngestSport.Cycling,
                SessionSports.Swimming => IngestSport.Swimming,
                _ => IngestSport.Training,
            },
            Steps = steps,
        };
    }

    public static byte[] Encode(string name, string sport, StructuredWorkout workout, AthleteTrainingProfile profile, DateTime createdUtc)
        => FitWorkoutCodec.Encode(ToFitWorkout(name, sport, workout, profile), createdUtc);

    private static WorkoutStep Step(WorkoutStepSpec s, AthleteTrainingProfile profile)
    {
        var step = new WorkoutStep
        {
            DurationType = s.DurationSeconds is not null ? WorkoutDurationType.Time : WorkoutDurationType.Distance,
            DurationValue = s.DurationSeconds ?? s.DistanceMeters,
            Intensity = s.Kind switch
            {
                WorkoutStepKind.Warmup => WorkoutIntensity.Warmup,
                WorkoutStepKind.Cooldown => WorkoutIntensity.Cooldown,
                WorkoutStepKind.Recovery => WorkoutIntensity.Recovery,
                WorkoutStepKind.Rest => WorkoutIntensity.Rest,
                _ => WorkoutIntensity.Active,
            },
            Name = WorkoutFormatter.FormatStep(s),
        };
        var t = s.Target;
        return t.Kind switch
        {
            WorkoutTargetKind.HeartRateZone when t.Low.Equals(t.High) => step with { TargetType = WorkoutTargetType.HeartRate, TargetZone = (int)t.Low },
            WorkoutTargetKind.HeartRateZone when profile.LactateThresholdHeartRateBpm is { } lthr =>
                step with { TargetType = WorkoutTargetType.HeartRate, TargetLow = Math.Round(StepTargets.ZoneLow((int)t.Low) * lthr), TargetHigh = Math.Round(StepTargets.ZoneHigh((int)t.High) * lthr) },
            WorkoutTargetKind.HeartRateZone => step with { TargetType = WorkoutTargetType.HeartRate, TargetZone = (int)t.High },
            WorkoutTargetKind.PercentFtp when profile.FtpWatts is { } ftp => step with
            {
                TargetType = WorkoutTargetType.Power,
                TargetLow = Math.Round(ftp * (t.Low.Equals(t.High) ? t.Low - 2.5 : t.Low) / 100),
                TargetHigh = Math.Round(ftp * (t.Low.Equals(t.High) ? t.High + 2.5 : t.High) / 100),
            },
            WorkoutTargetKind.PaceSecondsPerKm => step with
            {
                TargetType = WorkoutTargetType.Speed,
                TargetLow = Math.Round(1000 / (t.High + (t.Low.Equals(t.High) ? 5 : 0)), 3),
                TargetHigh = Math.Round(1000 / (t.Low - (t.Low.Equals(t.High) ? 5 : 0)), 3),
            },
            _ => step with { TargetType = WorkoutTargetType.Open, Notes = t.Kind == WorkoutTargetKind.Rpe ? WorkoutFormatter.Target(t) : null },
        };
    }
}
