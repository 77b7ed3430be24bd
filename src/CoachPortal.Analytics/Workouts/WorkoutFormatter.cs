using System.Globalization;
using System.Text;

namespace CoachPortal.Analytics.Workouts;

/// <summary>Writes a <see cref="StructuredWorkout"/> back in the text syntax; <see cref="WorkoutParser"/> reads it back unchanged.</summary>
public static class WorkoutFormatter
{
    /// <summary>The whole workout in the workout syntax; parsing it gives the same workout back.</summary>
    public static string Format(StructuredWorkout workout)
    {
        ArgumentNullException.ThrowIfNull(workout);
        return string.Join("; ", workout.Segments.Select(s => s.IsRepeat
            ? $"{s.Repeat}x({string.Join(", ", s.Steps.Select(FormatStep))})"
            : FormatStep(s.Steps[0])));
    }

    /// <summary>One step in the workout syntax.</summary>
    public static string FormatStep(WorkoutStepSpec step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var sb = new StringBuilder();
        if (step.DurationSeconds is { } seconds)
        {
            sb.Append(Duration(seconds));
        }
        else if (step.DistanceMeters is { } meters)
        {
            sb.Append(meters >= 1000 && meters % 100 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{meters / 1000:0.#}km")
                : string.Create(CultureInfo.InvariantCulture, $"{meters:0}mtr"));
        }

        var label = step.Kind switch
        {
            WorkoutStepKind.Warmup => " warmup",
            WorkoutStepKind.Cooldown => " cooldown",
            WorkoutStepKind.Recovery => " recovery",
            WorkoutStepKind.Rest => " rest",
            _ => "",
        };
        sb.Append(label);
        var target = Target(step.Target);
        if (target.Length > 0)
        {
            sb.Append(" @").Append(target);
        }

        return sb.ToString();
    }

    /// <summary>A duration in the workout syntax (e.g. 1h30m, 45s).</summary>
    public static string Duration(double seconds)
    {
        var total = (int)Math.Round(seconds);
        var h = total / 3600;
        var m = total % 3600 / 60;
        var s = total % 60;
        var sb = new StringBuilder();
        if (h > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{h}h");
        }

        if (m > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{m}m");
        }

        if (s > 0 || sb.Length == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{s}s");
        }

        return sb.ToString();
    }

    /// <summary>A target in the workout syntax (e.g. Z2, 95%FTP, 4:30/km, RPE 6).</summary>
    public static string Target(WorkoutTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var single = target.Low.Equals(target.High);
        return target.Kind switch
        {
            WorkoutTargetKind.HeartRateZone => single ? $"Z{target.Low:0}" : string.Create(CultureInfo.InvariantCulture, $"Z{target.Low:0}-Z{target.High:0}"),
            WorkoutTargetKind.PercentFtp => single
                ? string.Create(CultureInfo.InvariantCulture, $"{target.Low:0.#}% FTP")
                : string.Create(CultureInfo.InvariantCulture, $"{target.Low:0.#}-{target.High:0.#}% FTP"),
            WorkoutTargetKind.PaceSecondsPerKm => single ? $"{Pace(target.Low)}/km" : $"{Pace(target.Low)}-{Pace(target.High)}/km",
            WorkoutTargetKind.Rpe => string.Create(CultureInfo.InvariantCulture, $"RPE{target.Low:0}"),
            _ => "",
        };
    }

    /// <summary>Seconds per kilometre as m:ss.</summary>
    public static string Pace(double secondsPerKm)
    {
        var total = (int)Math.Round(secondsPerKm);
        return string.Create(CultureInfo.InvariantCulture, $"{total / 60}:{total % 60:00}");
    }
}
