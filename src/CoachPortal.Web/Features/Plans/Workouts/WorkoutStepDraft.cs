using System.Globalization;
using CoachPortal.Analytics.Workouts;

namespace CoachPortal.Web.Features.Plans.Workouts;

/// <summary>
/// A workout step while it is edited: the amount in the unit the coach chose and the target bounds as typed, so a
/// half-typed value is kept rather than lost; <see cref="ToSpec"/> turns it into a step or says what is wrong.
/// </summary>
public sealed class WorkoutStepDraft
{
    public static readonly IReadOnlyList<string> Units = ["min", "s", "km", "m"];

    public WorkoutStepKind Kind { get; set; }

    public double Amount { get; set; } = 5;

    /// <summary>min or s (a duration), km or m (a distance).</summary>
    public string Unit { get; set; } = "min";

    public WorkoutTargetKind TargetKind { get; set; }

    /// <summary>Zone number, % of FTP, pace as m:ss per km, or RPE.</summary>
    public string? Low { get; set; }

    /// <summary>Empty for a single value.</summary>
    public string? High { get; set; }

    public string? Problem { get; private set; }

    public static WorkoutStepDraft Work() => new() { Amount = 3, TargetKind = WorkoutTargetKind.HeartRateZone, Low = "4" };

    public static WorkoutStepDraft Easy() => new() { Kind = WorkoutStepKind.Recovery, Amount = 2, TargetKind = WorkoutTargetKind.HeartRateZone, Low = "1" };

    public static WorkoutStepDraft From(WorkoutStepSpec step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var draft = new WorkoutStepDraft { Kind = step.Kind, TargetKind = step.Target.Kind };
        if (step.DurationSeconds is { } seconds)
        {
            (draft.Amount, draft.Unit) = seconds % 60 == 0 ? (seconds / 60, "min") : (seconds, "s");
        }
        else if (step.DistanceMeters is { } meters)
        {
            (draft.Amount, draft.Unit) = meters >= 1000 && meters % 100 == 0 ? (meters / 1000, "km") : (meters, "m");
        }

        var single = step.Target.Low.Equals(step.Target.High);
        draft.Low = Bound(step.Target.Kind, step.Target.Low);
        draft.High = single ? null : Bound(step.Target.Kind, step.Target.High);
        return draft;
    }

    public WorkoutStepSpec? ToSpec()
    {
        Problem = null;
        if (Amount <= 0)
        {
            return Fail("the amount must be more than zero.");
        }

        double? seconds = Unit switch { "min" => Amount * 60, "s" => Amount, _ => null };
        double? meters = Unit switch { "km" => Amount * 1000, "m" => Amount, _ => null };
        if (TargetKind == WorkoutTargetKind.None)
        {
            return new WorkoutStepSpec(Kind, seconds, meters, WorkoutTarget.None);
        }

        if (!TryRead(Low, out var low))
        {
            return Fail(TargetKind == WorkoutTargetKind.PaceSecondsPerKm ? "write the pace as m:ss, e.g. 4:30." : "the target needs a number.");
        }

        var high = low;
        if (!string.IsNullOrWhiteSpace(High) && !TryRead(High, out high))
        {
            return Fail("the upper bound of the target is not a number (leave it empty for a single value).");
        }

        // RPE has no range in the syntax; the editor keeps the lower value.
        if (TargetKind == WorkoutTargetKind.Rpe)
        {
            high = low;
        }

        return new WorkoutStepSpec(Kind, seconds, meters, new WorkoutTarget(TargetKind, Math.Min(low, high), Math.Max(low, high)));
    }

    private WorkoutStepSpec? Fail(string problem)
    {
        Problem = problem;
        return null;
    }

    private bool TryRead(string? text, out double value)
    {
        value = 0;
        var s = (text ?? "").Trim();
        if (TargetKind != WorkoutTargetKind.PaceSecondsPerKm)
        {
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        var parts = s.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var minutes)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var secs) || secs is < 0 or > 59)
        {
            return false;
        }

        value = minutes * 60 + secs;
        return true;
    }

    private static string Bound(WorkoutTargetKind kind, double value) => kind switch
    {
        WorkoutTargetKind.None => "",
        WorkoutTargetKind.PaceSecondsPerKm => WorkoutFormatter.Pace(value),
        _ => value.ToString("0.#", CultureInfo.InvariantCulture),
    };
}
