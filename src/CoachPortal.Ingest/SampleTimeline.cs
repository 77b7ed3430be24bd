using System.Globalization;

namespace CoachPortal.Ingest;

/// <summary>
/// The plausible-span rule for one recording. Samples are grouped by time, a gap of more than
/// <see cref="MaxGapSeconds"/> between neighbours (in time order) starting a new group; the group with the most
/// samples is the recording, and when it spans more than <see cref="MaxSpanSeconds"/> the densest window of that
/// length is kept. Everything else is a garbage timestamp (a corrupt record, a clock reset, a bit flip in the
/// high bytes) and is dropped, so one bad sample can neither stretch a session over decades nor move its start.
/// O(n) when the samples lie within one gap of each other (every real file), O(n log n) otherwise; memory O(n).
/// </summary>
internal static class SampleTimeline
{
    /// <summary>No device pauses a single recording for more than a day between two samples.</summary>
    public const double MaxGapSeconds = 86_400;

    /// <summary>The longest single sessions (multi-day ultras, RAAM stages) stay under a week.</summary>
    public const double MaxSpanSeconds = 7 * 86_400;

    /// <summary>The time window to keep, inclusive, and how many samples fall outside it.</summary>
    public readonly record struct Window(double FromSeconds, double ToSeconds, int Dropped);

    public static Window Find(ReadOnlySpan<StreamSample> samples)
    {
        if (samples.IsEmpty)
        {
            return new Window(0, 0, 0);
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var finite = 0;
        foreach (ref readonly var s in samples)
        {
            if (double.IsFinite(s.Seconds))
            {
                min = Math.Min(min, s.Seconds);
                max = Math.Max(max, s.Seconds);
                finite++;
            }
        }

        if (finite == 0)
        {
            return new Window(0, -1, samples.Length);
        }

        if (finite == samples.Length && max - min <= MaxGapSeconds)
        {
            return new Window(min, max, 0);
        }

        var times = new double[finite];
        var n = 0;
        foreach (ref readonly var s in samples)
        {
            if (double.IsFinite(s.Seconds))
            {
                times[n++] = s.Seconds;
            }
        }

        Array.Sort(times);

        // The largest group of samples with no gap over MaxGapSeconds (the first of equal groups).
        int bestFrom = 0, bestTo = 0, from = 0;
        for (var i = 1; i <= times.Length; i++)
        {
            if (i == times.Length || times[i] - times[i - 1] > MaxGapSeconds)
            {
                if (i - from > bestTo - bestFrom + 1)
                {
                    bestFrom = from;
                    bestTo = i - 1;
                }

                from = i;
            }
        }

        // Within it, the window of MaxSpanSeconds holding the most samples.
        int keepFrom = bestFrom, keepTo = bestTo;
        if (times[bestTo] - times[bestFrom] > MaxSpanSeconds)
        {
            var end = bestFrom;
            var bestCount = 0;
            for (var start = bestFrom; start <= bestTo; start++)
            {
                while (end + 1 <= bestTo && times[end + 1] - times[start] <= MaxSpanSeconds)
                {
                    end++;
                }

                if (end - start + 1 > bestCount)
                {
                    bestCount = end - start + 1;
                    keepFrom = start;
                    keepTo = end;
                }
            }
        }

        return new Window(times[keepFrom], times[keepTo], samples.Length - (keepTo - keepFrom + 1));
    }

    /// <summary>A warning that names how many samples were dropped and how far the farthest was.</summary>
    public static DecodeWarning DroppedWarning(string format, ReadOnlySpan<StreamSample> samples, Window window)
    {
        var farthestSeconds = 0.0;
        foreach (ref readonly var s in samples)
        {
            if (!double.IsFinite(s.Seconds))
            {
                continue;
            }

            var distance = s.Seconds < window.FromSeconds ? window.FromSeconds - s.Seconds
                : s.Seconds > window.ToSeconds ? s.Seconds - window.ToSeconds : 0;
            farthestSeconds = Math.Max(farthestSeconds, distance);
        }

        var days = farthestSeconds / 86_400;
        var far = days >= 730 ? string.Create(CultureInfo.InvariantCulture, $"{days / 365.25:F0} years")
            : string.Create(CultureInfo.InvariantCulture, $"{days:F0} days");
        return new DecodeWarning(string.Create(
            CultureInfo.InvariantCulture,
            $"{format}: {window.Dropped} of {samples.Length} samples had implausible timestamps (up to {far} away from the rest of the recording) and were dropped."));
    }
}
