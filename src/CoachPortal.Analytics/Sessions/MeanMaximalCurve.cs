namespace CoachPortal.Analytics.Sessions;

/// <summary>
/// Best average of a stream over each standard duration (mean-maximal power, speed or heart rate).
/// <para>
/// Complexity: prefix sums over the n samples are built once in O(n); for each duration d only the window starts
/// where a sample enters or leaves are tried, with two pointers, so a curve over D durations costs O(n · D) time
/// and O(n) memory — about 1 M operations for a 5-hour ride over the 29 standard durations. Nothing is sized by
/// the elapsed span, so a corrupt timestamp decades away costs no more than any other sample.
/// </para>
/// </summary>
public sealed class MeanMaximalCurve
{
    private static readonly int[] s_standardDurationsSeconds =
    [
        1, 2, 3, 5, 10, 15, 20, 30, 45,
        60, 120, 180, 240, 300, 360, 480, 600, 720, 900, 1200, 1800, 2400,
        3600, 5400, 7200, 9000, 10800, 14400, 18000,
    ];

    private MeanMaximalCurve(int[] durationsSeconds, double[] values)
    {
        DurationsSeconds = durationsSeconds;
        Values = values;
    }

    /// <summary>The standard durations 1 s … 5 h.</summary>
    public static IReadOnlyList<int> StandardDurationsSeconds => s_standardDurationsSeconds;

    /// <summary>Durations covered by the session, ascending, in seconds.</summary>
    public IReadOnlyList<int> DurationsSeconds { get; }

    /// <summary>Best mean value for each duration, in the stream's unit; NaN where no valid window exists.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Best mean value for a duration, or null when it is not on the curve.</summary>
    public double? ValueAt(int durationSeconds)
    {
        for (var i = 0; i < DurationsSeconds.Count; i++)
        {
            if (DurationsSeconds[i] == durationSeconds)
            {
                return Values[i];
            }
        }

        return null;
    }

    /// <summary>Rebuilds a stored curve; durations strictly ascending, one value per duration.</summary>
    public static MeanMaximalCurve FromValues(IReadOnlyList<int> durationsSeconds, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(durationsSeconds);
        ArgumentNullException.ThrowIfNull(values);
        if (durationsSeconds.Count != values.Count)
        {
            throw new AnalyticsInputException("A curve needs one value per duration.");
        }

        for (var i = 1; i < durationsSeconds.Count; i++)
        {
            if (durationsSeconds[i] <= durationsSeconds[i - 1])
            {
                throw new AnalyticsInputException("Curve durations must be strictly ascending.");
            }
        }

        return new MeanMaximalCurve([.. durationsSeconds], [.. values]);
    }

    /// <summary>
    /// The envelope of several curves (e.g. a season's best efforts for the CP fit): for each duration on any curve,
    /// the highest value; NaN values are ignored. O(total points · log).
    /// </summary>
    public static MeanMaximalCurve Combine(IEnumerable<MeanMaximalCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var best = new SortedDictionary<int, double>();
        foreach (var curve in curves)
        {
            for (var i = 0; i < curve.DurationsSeconds.Count; i++)
            {
                var d = curve.DurationsSeconds[i];
                var v = curve.Values[i];
                if (double.IsNaN(v))
                {
                    continue;
                }

                best[d] = best.TryGetValue(d, out var current) ? Math.Max(current, v) : v;
            }
        }

        return new MeanMaximalCurve([.. best.Keys], [.. best.Values]);
    }

    /// <summary>
    /// Computes the curve at the standard durations no longer than the session's elapsed time.
    /// With <paramref name="missingCountsAsZero"/> (power, speed) a pause or missing sample contributes 0 to a window;
    /// otherwise (heart rate) only windows with no missing second qualify.
    /// </summary>
    public static MeanMaximalCurve Compute(int[] elapsedSeconds, ReadOnlySpan<float> values, bool missingCountsAsZero) =>
        Compute(elapsedSeconds, values, missingCountsAsZero, s_standardDurationsSeconds);

    /// <summary>As <see cref="Compute(int[], ReadOnlySpan{float}, bool)"/> with caller-chosen ascending durations.</summary>
    public static MeanMaximalCurve Compute(int[] elapsedSeconds, ReadOnlySpan<float> values, bool missingCountsAsZero, IReadOnlyList<int> durationsSeconds)
    {
        ArgumentNullException.ThrowIfNull(elapsedSeconds);
        ArgumentNullException.ThrowIfNull(durationsSeconds);
        if (elapsedSeconds.Length != values.Length)
        {
            throw new AnalyticsInputException("Elapsed seconds and values must have the same length.");
        }

        if (elapsedSeconds.Length == 0)
        {
            return new MeanMaximalCurve([], []);
        }

        // Prefix sums over the samples, not over the elapsed-time grid: a window's total only changes when a sample
        // enters or leaves it, so memory stays O(n) however far apart the timestamps are.
        var n = elapsedSeconds.Length;
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && elapsedSeconds[i] <= elapsedSeconds[i - 1])
            {
                throw new AnalyticsInputException($"Elapsed seconds must be strictly increasing (index {i}).");
            }

            prefix[i + 1] = prefix[i] + (float.IsNaN(values[i]) ? 0.0 : values[i]);
        }

        var origin = (long)elapsedSeconds[0];
        var end = (long)elapsedSeconds[^1] + 1;
        var span = end - origin;
        var durations = new List<int>();
        var best = new List<double>();
        foreach (var d in durationsSeconds)
        {
            if (d > span)
            {
                break;
            }

            var max = missingCountsAsZero
                ? BestWindowWithGapsAsZero(elapsedSeconds, prefix, d, origin, end)
                : BestCompleteWindow(elapsedSeconds, values, prefix, d);
            durations.Add(d);
            best.Add(double.IsNegativeInfinity(max) ? double.NaN : max / d);
        }

        return new MeanMaximalCurve([.. durations], [.. best]);
    }

    /// <summary>
    /// Best total over windows [a, a + d) inside [origin, end), missing seconds counting 0. Sample i is inside for
    /// a in [t_i − d + 1, t_i], so the total is constant between the starts a = t_i − d + 1 and a = t_i + 1, and
    /// trying those (clamped to the valid range) tries every distinct window.
    /// </summary>
    private static double BestWindowWithGapsAsZero(int[] t, double[] prefix, int d, long origin, long end)
    {
        var max = double.NegativeInfinity;
        for (var pass = 0; pass < 2; pass++)
        {
            int lo = 0, hi = 0;
            for (var k = 0; k < t.Length; k++)
            {
                var a = Math.Clamp(pass == 0 ? (long)t[k] + 1 : (long)t[k] - d + 1, origin, end - d);
                while (lo < t.Length && t[lo] < a)
                {
                    lo++;
                }

                while (hi < t.Length && t[hi] < a + d)
                {
                    hi++;
                }

                max = Math.Max(max, prefix[hi] - prefix[lo]);
            }
        }

        return max;
    }

    /// <summary>Best total over windows of d consecutive seconds that all have a value (runs of the stream).</summary>
    private static double BestCompleteWindow(int[] t, ReadOnlySpan<float> values, double[] prefix, int d)
    {
        var max = double.NegativeInfinity;
        var runStart = 0;
        for (var i = 0; i < t.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                runStart = i + 1;
                continue;
            }

            if (i > runStart && t[i] != t[i - 1] + 1)
            {
                runStart = i;
            }

            if (i - runStart + 1 >= d)
            {
                max = Math.Max(max, prefix[i + 1] - prefix[i + 1 - d]);
            }
        }

        return max;
    }
}
