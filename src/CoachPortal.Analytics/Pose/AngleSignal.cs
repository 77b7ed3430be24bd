namespace CoachPortal.Analytics.Pose;

/// <summary>Clean-up of a per-frame angle signal before counting: gaps bridged, jitter smoothed.</summary>
public static class AngleSignal
{
    /// <summary>
    /// Fills NaN gaps by linear interpolation between the nearest values (held flat at the ends), then takes a centred
    /// moving average over <paramref name="window"/> frames (odd; 1 leaves the signal as is). All NaN stays all NaN.
    /// </summary>
    public static double[] Smooth(IReadOnlyList<double> signal, int window = 5)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (window < 1 || window % 2 == 0)
        {
            throw new AnalyticsInputException("The smoothing window must be a positive odd number of frames.");
        }

        var filled = FillGaps(signal);
        var half = window / 2;
        var result = new double[filled.Length];
        for (var i = 0; i < filled.Length; i++)
        {
            int from = Math.Max(0, i - half), to = Math.Min(filled.Length - 1, i + half);
            double sum = 0;
            for (var j = from; j <= to; j++)
            {
                sum += filled[j];
            }

            result[i] = sum / (to - from + 1);
        }

        return result;
    }

    /// <summary>Linear interpolation over NaN gaps; leading and trailing gaps take the nearest value.</summary>
    public static double[] FillGaps(IReadOnlyList<double> signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var result = signal.ToArray();
        var last = -1;
        for (var i = 0; i < result.Length; i++)
        {
            if (double.IsNaN(result[i]))
            {
                continue;
            }

            if (last == -1)
            {
                Array.Fill(result, result[i], 0, i);
            }
            else
            {
                for (var j = last + 1; j < i; j++)
                {
                    result[j] = result[last] + ((result[i] - result[last]) * (j - last) / (i - last));
                }
            }

            last = i;
        }

        if (last >= 0)
        {
            Array.Fill(result, result[last], last + 1, result.Length - last - 1);
        }

        return result;
    }
}
