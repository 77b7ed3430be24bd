namespace CoachPortal.Analytics.Workouts;

/// <summary>A parsed workout: segments in order. See docs/workout-syntax.md for the text form.</summary>
public sealed record StructuredWorkout(IReadOnlyList<WorkoutSegment> Segments)
{
    /// <summary>Every step in the order the athlete does them, repeats expanded.</summary>
    public IEnumerable<WorkoutStepSpec> Flatten()
    {
        foreach (var segment in Segments)
        {
            for (var r = 0; r < segment.Repeat; r++)
            {
                foreach (var step in segment.Steps)
                {
                    yield return step;
                }
            }
        }
    }

    /// <summary>The same workout with every step's duration or distance multiplied by what <paramref name="factorOf"/> returns for it.</summary>
    public StructuredWorkout Scale(Func<WorkoutStepSpec, double> factorOf)
    {
        ArgumentNullException.ThrowIfNull(factorOf);
        return new StructuredWorkout(Segments.Select(s => s with
        {
            Steps = s.Steps.Select(step =>
            {
                var f = factorOf(step);
                return step with
                {
                    DurationSeconds = step.DurationSeconds is { } d ? RoundSeconds(d * f) : null,
                    DistanceMeters = step.DistanceMeters is { } m ? Math.Max(10, Math.Round(m * f / 10) * 10) : null,
                };
            }).ToList(),
        }).ToList());
    }

    // Whole minutes read best; short steps keep 5-second resolution so 30-second intervals survive scaling.
    private static double RoundSeconds(double seconds) => seconds >= 600
        ? Math.Max(60, Math.Round(seconds / 60) * 60)
        : Math.Max(5, Math.Round(seconds / 5) * 5);
}
