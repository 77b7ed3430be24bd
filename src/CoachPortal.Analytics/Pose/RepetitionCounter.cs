namespace CoachPortal.Analytics.Pose;

/// <summary>
/// Counts repetitions in a joint-angle signal with hysteresis: a repetition is extended → flexed → extended, where
/// extended and flexed are two thresholds far enough apart that jitter around either cannot count twice. Phase
/// times come from the turning points: the top is left when the angle falls out of a small band around the top's
/// highest value, the bottom is the run of frames within the band around the deepest value.
/// </summary>
public static class RepetitionCounter
{
    /// <summary>The repetitions in <paramref name="angleDegrees"/> (one value per frame, NaN for unseen frames).</summary>
    public static IReadOnlyList<Repetition> Count(IReadOnlyList<double> angleDegrees, double framesPerSecond, RepetitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(angleDegrees);
        options ??= new RepetitionOptions();
        if (!(framesPerSecond > 0))
        {
            throw new AnalyticsInputException("The frame rate must be positive.");
        }

        if (options.FlexedDegrees >= options.ExtendedDegrees)
        {
            throw new AnalyticsInputException("The flexed threshold must be below the extended one.");
        }

        var s = AngleSignal.Smooth(angleDegrees, options.SmoothingFrames);
        var crossings = Crossings(s, options);
        var reps = new List<Repetition>(crossings.Count);
        for (var k = 0; k < crossings.Count; k++)
        {
            var (leave, back) = crossings[k];
            var before = k == 0 ? 0 : crossings[k - 1].Back;
            var after = k == crossings.Count - 1 ? s.Length - 1 : crossings[k + 1].Leave;
            var topBefore = Max(s, before, leave);
            var topAfter = Max(s, back, after);
            var start = leave;
            while (start > before && s[start] < topBefore - options.TurnBandDegrees)
            {
                start--;
            }

            var end = back;
            while (end < after && s[end] < topAfter - options.TurnBandDegrees)
            {
                end++;
            }

            var deepest = start;
            for (var i = start; i <= end; i++)
            {
                deepest = s[i] < s[deepest] ? i : deepest;
            }

            var turnStart = deepest;
            while (turnStart > start && s[turnStart - 1] <= s[deepest] + options.TurnBandDegrees)
            {
                turnStart--;
            }

            var turnEnd = deepest;
            while (turnEnd < end && s[turnEnd + 1] <= s[deepest] + options.TurnBandDegrees)
            {
                turnEnd++;
            }

            var flexion = (turnStart - start) / framesPerSecond;
            var extension = (end - turnEnd) / framesPerSecond;
            reps.Add(new Repetition(
                start,
                turnStart,
                turnEnd,
                end,
                options.EccentricIsFlexion ? flexion : extension,
                (turnEnd - turnStart) / framesPerSecond,
                options.EccentricIsFlexion ? extension : flexion,
                s[deepest]));
        }

        return reps;
    }

    // (last frame extended before reaching flexed, first frame extended again) per repetition.
    private static List<(int Leave, int Back)> Crossings(double[] s, RepetitionOptions options)
    {
        var result = new List<(int, int)>();
        var lastExtended = -1;
        var flexed = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (double.IsNaN(s[i]))
            {
                continue;
            }

            if (s[i] >= options.ExtendedDegrees)
            {
                if (flexed)
                {
                    result.Add((lastExtended, i));
                    flexed = false;
                }

                lastExtended = i;
            }
            else if (s[i] <= options.FlexedDegrees && lastExtended >= 0)
            {
                flexed = true;
            }
        }

        return result;
    }

    private static double Max(double[] s, int from, int to)
    {
        var max = double.NegativeInfinity;
        for (var i = from; i <= to; i++)
        {
            max = Math.Max(max, s[i]);
        }

        return max;
    }
}
