namespace CoachPortal.Analytics.Sessions;

/// <summary>
/// Puts a column on a 1 Hz grid for time-weighted sums: smart recording writes a sample only when something
/// changes (every 1–8 s), so each sample stands for the seconds until the next one. A step longer than
/// <see cref="SessionAnalysisOptions.MaxHeldGapSeconds"/> is a pause and the sample counts one second, as at 1 Hz.
/// The result has at most n × MaxHeldGapSeconds rows, bounded by the samples, never by the elapsed span.
/// </summary>
internal static class TimeWeighting
{
    /// <summary>The column itself when every sample already stands for one second.</summary>
    public static float[] Hold(int[] elapsedSeconds, float[] column, int maxHeldGapSeconds)
    {
        var rows = 0L;
        for (var i = 0; i < column.Length; i++)
        {
            rows += Weight(elapsedSeconds, i, maxHeldGapSeconds);
        }

        if (rows == column.Length)
        {
            return column;
        }

        var held = new float[rows];
        var r = 0;
        for (var i = 0; i < column.Length; i++)
        {
            var weight = Weight(elapsedSeconds, i, maxHeldGapSeconds);
            held.AsSpan(r, weight).Fill(column[i]);
            r += weight;
        }

        return held;
    }

    /// <summary>The seconds each sample stands for: 1 at 1 Hz and across pauses, the step to the next sample otherwise.</summary>
    public static int[] Weights(int[] elapsedSeconds, int maxHeldGapSeconds)
    {
        var weights = new int[elapsedSeconds.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Weight(elapsedSeconds, i, maxHeldGapSeconds);
        }

        return weights;
    }

    private static int Weight(int[] elapsedSeconds, int i, int maxHeldGapSeconds)
    {
        if (i + 1 >= elapsedSeconds.Length)
        {
            return 1;
        }

        var step = (long)elapsedSeconds[i + 1] - elapsedSeconds[i];
        return step <= maxHeldGapSeconds ? (int)Math.Max(1, step) : 1;
    }
}
