using CoachPortal.Ingest.Workouts;

namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Encodes and decodes FIT workout files (file_id type workout, one workout message, workout_step messages).
/// Scales follow the FIT profile: time durations in ms, distances in cm; custom heart-rate targets are offset by 100
/// and power targets by 1,000 (values below are zones), speed targets in mm/s.
/// </summary>
public static class FitWorkoutCodec
{
    /// <summary>Encodes <paramref name="workout"/> as a FIT workout file.</summary>
    public static byte[] Encode(Workout workout, DateTime? createdUtc = null)
    {
        ArgumentNullException.ThrowIfNull(workout);
        var w = new FitWriter();
        w.Write(FitProfile.Messages.FileId, [
            FitField.Of(FitProfile.FileId.Type, FitBaseType.Enum, FitProfile.FileType.Workout),
            FitField.Of(FitProfile.FileId.Manufacturer, FitBaseType.UInt16, 255),
            FitField.Of(FitProfile.FileId.TimeCreated, FitBaseType.UInt32, FitProfile.FromUtc(createdUtc ?? DateTime.UtcNow)),
        ]);
        var header = new List<FitField>
        {
            FitField.Of(FitProfile.Workout.Sport, FitBaseType.Enum, (byte)workout.Sport),
            FitField.Of(FitProfile.Workout.SubSport, FitBaseType.Enum, (byte)workout.SubSport),
            FitField.Of(FitProfile.Workout.NumValidSteps, FitBaseType.UInt16, workout.Steps.Count),
        };
        if (workout.Name is { Length: > 0 } name)
        {
            header.Add(FitField.OfText(FitProfile.Workout.Name, name));
        }

        w.Write(FitProfile.Messages.Workout, header);
        for (var i = 0; i < workout.Steps.Count; i++)
        {
            var s = workout.Steps[i];
            var fields = new List<FitField>
            {
                FitField.Of(FitProfile.MessageIndexField, FitBaseType.UInt16, i),
                FitField.Of(FitProfile.WorkoutStep.DurationType, FitBaseType.Enum, (byte)s.DurationType),
                Raw(FitProfile.WorkoutStep.DurationValue, DurationToRaw(s)),
                FitField.Of(FitProfile.WorkoutStep.TargetType, FitBaseType.Enum, (byte)s.TargetType),
                Raw(FitProfile.WorkoutStep.TargetValue, s.DurationType == WorkoutDurationType.RepeatUntilStepsComplete ? s.RepeatCount : s.TargetZone ?? (s.TargetLow is null ? null : 0)),
                Raw(FitProfile.WorkoutStep.CustomTargetLow, TargetToRaw(s.TargetType, s.TargetLow)),
                Raw(FitProfile.WorkoutStep.CustomTargetHigh, TargetToRaw(s.TargetType, s.TargetHigh)),
                FitField.Of(FitProfile.WorkoutStep.Intensity, FitBaseType.Enum, (byte)s.Intensity),
            };
            if (s.Name is { Length: > 0 } stepName)
            {
                fields.Add(FitField.OfText(FitProfile.WorkoutStep.Name, stepName));
            }

            if (s.Notes is { Length: > 0 } notes)
            {
                fields.Add(FitField.OfText(FitProfile.WorkoutStep.Notes, notes));
            }

            w.Write(FitProfile.Messages.WorkoutStep, fields);
        }

        return w.ToArray();
    }

    /// <summary>Decodes the workout in a FIT file; throws <see cref="FitFormatException"/> when it has none.</summary>
    public static Workout Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        var collector = new Collector();
        FitDecoder.Decode(data, collector, options);
        if (collector.Header is null)
        {
            throw new FitFormatException(0, "the file has no workout message");
        }

        collector.Steps.Sort((a, b) => a.Index.CompareTo(b.Index));
        return collector.Header with { Steps = collector.Steps.ConvertAll(s => s.Step) };
    }

    private static FitField Raw(byte number, long? value) =>
        value is { } v ? FitField.Of(number, FitBaseType.UInt32, v) : FitField.Invalid(number, FitBaseType.UInt32);

    private static long? DurationToRaw(WorkoutStep s) => s.DurationValue is not { } v ? null : s.DurationType switch
    {
        WorkoutDurationType.Time => (long)Math.Round(v * 1000),
        WorkoutDurationType.Distance => (long)Math.Round(v * 100),
        WorkoutDurationType.HeartRateLessThan or WorkoutDurationType.HeartRateGreaterThan => (long)Math.Round(v) + 100,
        _ => (long)Math.Round(v),
    };

    private static double? RawToDuration(WorkoutDurationType type, long raw) => type switch
    {
        WorkoutDurationType.Time => raw / 1000.0,
        WorkoutDurationType.Distance => raw / 100.0,
        WorkoutDurationType.HeartRateLessThan or WorkoutDurationType.HeartRateGreaterThan => raw - 100,
        _ => raw,
    };

    private static long? TargetToRaw(WorkoutTargetType type, double? value) => value is not { } v ? null : type switch
    {
        WorkoutTargetType.Speed => (long)Math.Round(v * 1000),
        WorkoutTargetType.HeartRate => (long)Math.Round(v) + 100,
        WorkoutTargetType.Power => (long)Math.Round(v) + 1000,
        _ => (long)Math.Round(v),
    };

    private static double RawToTarget(WorkoutTargetType type, long raw) => type switch
    {
        WorkoutTargetType.Speed => raw / 1000.0,
        WorkoutTargetType.HeartRate => raw - 100,
        WorkoutTargetType.Power => raw - 1000,
        _ => raw,
    };

    private sealed class Collector : IFitMessageHandler
    {
        public Workout? Header;
        public readonly List<(int Index, WorkoutStep Step)> Steps = [];

        public void OnMessage(in FitMessageView m)
        {
            if (m.GlobalMessageNumber == FitProfile.Messages.Workout && Header is null)
            {
                Header = new Workout
                {
                    Name = m.GetString(FitProfile.Workout.Name),
                    Sport = m.TryGetInteger(FitProfile.Workout.Sport, out var sport) ? (Sport)sport : Sport.Generic,
                    SubSport = m.TryGetInteger(FitProfile.Workout.SubSport, out var sub) ? (SubSport)sub : SubSport.Generic,
                };
            }
            else if (m.GlobalMessageNumber == FitProfile.Messages.WorkoutStep)
            {
                var durationType = m.TryGetInteger(FitProfile.WorkoutStep.DurationType, out var dt) ? (WorkoutDurationType)dt : WorkoutDurationType.Open;
                var targetType = m.TryGetInteger(FitProfile.WorkoutStep.TargetType, out var tt) ? (WorkoutTargetType)tt : WorkoutTargetType.Open;
                var hasTarget = m.TryGetInteger(FitProfile.WorkoutStep.TargetValue, out var targetValue);
                var isRepeat = durationType == WorkoutDurationType.RepeatUntilStepsComplete;
                var step = new WorkoutStep
                {
                    Name = m.GetString(FitProfile.WorkoutStep.Name),
                    Notes = m.GetString(FitProfile.WorkoutStep.Notes),
                    DurationType = durationType,
                    DurationValue = m.TryGetInteger(FitProfile.WorkoutStep.DurationValue, out var dv) ? RawToDuration(durationType, dv) : null,
                    TargetType = targetType,
                    RepeatCount = isRepeat && hasTarget ? (int)targetValue : null,
                    TargetZone = !isRepeat && hasTarget && targetValue != 0 ? (int)targetValue : null,
                    TargetLow = m.TryGetInteger(FitProfile.WorkoutStep.CustomTargetLow, out var lo) ? RawToTarget(targetType, lo) : null,
                    TargetHigh = m.TryGetInteger(FitProfile.WorkoutStep.CustomTargetHigh, out var hi) ? RawToTarget(targetType, hi) : null,
                    Intensity = m.TryGetInteger(FitProfile.WorkoutStep.Intensity, out var intensity) ? (WorkoutIntensity)intensity : WorkoutIntensity.Active,
                };
                var index = m.TryGetInteger(FitProfile.MessageIndexField, out var mi) ? (int)mi : Steps.Count;
                Steps.Add((index, step));
            }
        }
    }
}
