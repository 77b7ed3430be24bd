namespace CoachPortal.Analytics.Sessions;

/// <summary>Altitude smoothing and elevation gain with hysteresis.</summary>
public static class Elevation
{
    /// <summary>
    /// Centred moving average with a half-width of <paramref name="halfWindowSamples"/>; the window shrinks
    /// symmetrically at the ends so that a straight ramp is preserved exactly. Missing samples (NaN) are skipped;
    /// a sample with no valid neighbour stays NaN. O(n · window).
    /// </summary>
    public static double[] SmoothCentered(ReadOnlySpan<float> altitudeMeters, int halfWindowSamples)
    {
        var n = altitudeMeters.Length;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var half = Math.Min(halfWindowSamples, Math.Min(i, n - 1 - i));
            var sum = 0.0;
            var count = 0;
            for (var j = i - half; j <= i + half; j++)
            {
                if (!float.IsNaN(altitudeMeters[j]))
                {
                    sum += altitudeMeters[j];
                    count++;
                }
            }

            result[i] = count > 0 ? sum / count : double.NaN;
        }

        return result;
    }

    /// <summary>
    /// Total ascent counting only climbs whose rise from the preceding low is at least
    /// <paramref name="hysteresisMeters"/>; a dip smaller than the threshold does not end a climb. This is the
    /// Schmitt-trigger rule used by barometric altimeters to reject sensor noise. NaN samples are skipped.
    /// </summary>
    public static double GainWithHysteresis(ReadOnlySpan<double> altitudeMeters, double hysteresisMeters)
    {
        var gain = 0.0;
        var started = false;
        var climbing = false;
        double low = 0, high = 0;
        foreach (var a in altitudeMeters)
        {
            if (double.IsNaN(a))
            {
                continue;
            }

            if (!started)
            {
                low = high = a;
                started = true;
                continue;
            }

            if (climbing)
            {
                if (a > high)
                {
                    high = a;
                }
                else if (high - a >= hysteresisMeters)
                {
                    gain += high - low;
                    climbing = false;
                    low = a;
                }
            }
            else if (a < low)
            {
                low = a;
            }
            else if (a - low >= hysteresisMeters)
            {
                climbing = true;
                high = a;
            }
        }

        if (climbing)
        {
            gain += high - low;
        }

        return gain;
    }
}
