namespace CoachPortal.Ingest.Workouts;

/// <summary>
/// One workout step. Durations are in natural units (seconds, meters, bpm, kcal); for
/// <see cref="WorkoutDurationType.RepeatUntilStepsComplete"/>, <see cref="DurationValue"/> is the index of the first
/// step to repeat and <see cref="RepeatCount"/> how many times.
/// </summary>
public sealed record WorkoutStep
{
    /// <summary>Step name.</summary>
    public string? Name { get; init; }

    /// <summary>What ends the step.</summary>
    public WorkoutDurationType DurationType { get; init; } = WorkoutDurationType.Open;

    /// <summary>Seconds (time), meters (distance), bpm (heart-rate conditions), kcal, or the step index for repeats.</summary>
    public double? DurationValue { get; init; }

    /// <summary>What the athlete aims at.</summary>
    public WorkoutTargetType TargetType { get; init; } = WorkoutTargetType.Open;

    /// <summary>A zone number (1-5) when the target is a zone rather than a custom range.</summary>
    public int? TargetZone { get; init; }

    /// <summary>Low end of a custom range: m/s, bpm, rpm or watts depending on <see cref="TargetType"/>.</summary>
    public double? TargetLow { get; init; }

    /// <summary>High end of a custom range.</summary>
    public double? TargetHigh { get; init; }

    /// <summary>For repeat steps: how many times.</summary>
    public int? RepeatCount { get; init; }

    /// <summary>Intensity class.</summary>
    public WorkoutIntensity Intensity { get; init; } = WorkoutIntensity.Active;

    /// <summary>Notes for the athlete.</summary>
    public string? Notes { get; init; }
}
