namespace CoachPortal.Ingest;

/// <summary>
/// Puts samples on the 1 Hz grid: each sample goes to the whole second it falls in (floor); several samples in one
/// second merge, the later value winning per column. Time-based samples first go through
/// <see cref="SampleTimeline"/>: implausible timestamps are dropped with a warning, and when the recording lies far
/// from the time its start was taken from, the start moves to the recording (<c>startShiftSeconds</c>). Every
/// allocation is bounded by the number of samples, never by their timestamps.
/// </summary>
internal static class StreamsBuilder
{
    public static ActivityStreams Build(
        ReadOnlySpan<StreamSample> samples, bool isTimeBased, string format, List<DecodeWarning> warnings, out double startShiftSeconds)
    {
        startShiftSeconds = 0;
        if (samples.IsEmpty)
        {
            return ActivityStreams.Empty;
        }

        if (isTimeBased)
        {
            var window = SampleTimeline.Find(samples);
            if (window.Dropped > 0)
            {
                warnings.Add(SampleTimeline.DroppedWarning(format, samples, window));
                var kept = new StreamSample[samples.Length - window.Dropped];
                var k = 0;
                foreach (ref readonly var s in samples)
                {
                    if (s.Seconds >= window.FromSeconds && s.Seconds <= window.ToSeconds)
                    {
                        kept[k++] = s;
                    }
                }

                samples = kept;
            }

            if (Math.Abs(window.FromSeconds) > SampleTimeline.MaxGapSeconds)
            {
                startShiftSeconds = Math.Floor(window.FromSeconds);
                var shifted = samples.ToArray();
                for (var i = 0; i < shifted.Length; i++)
                {
                    shifted[i].Seconds -= startShiftSeconds;
                }

                samples = shifted;
            }
        }

        return Place(samples, isTimeBased);
    }

    private static ActivityStreams Place(ReadOnlySpan<StreamSample> samples, bool isTimeBased)
    {
        var sorted = samples;
        if (isTimeBased && !IsSorted(samples))
        {
            var copy = samples.ToArray();
            // Stable, so that the later of two samples in the same second still wins.
            var keys = new (double, int)[copy.Length];
            for (var i = 0; i < copy.Length; i++)
            {
                keys[i] = (copy[i].Seconds, i);
            }

            Array.Sort(keys, copy);
            sorted = copy;
        }

        var rows = 0;
        var last = long.MinValue;
        foreach (ref readonly var s in sorted)
        {
            var second = isTimeBased ? (long)Math.Floor(s.Seconds) : rows;
            if (second != last)
            {
                rows++;
                last = second;
            }
        }

        var streams = new ActivityStreams(rows, isTimeBased);
        var row = -1;
        last = long.MinValue;
        var index = 0;
        foreach (ref readonly var s in sorted)
        {
            var second = isTimeBased ? (long)Math.Floor(s.Seconds) : index;
            index++;
            if (second != last)
            {
                row++;
                last = second;
                streams.ElapsedSeconds[row] = (int)Math.Clamp(second, int.MinValue, int.MaxValue);
            }

            Set(streams.HeartRate, row, s.HeartRate);
            Set(streams.SpeedMetersPerSecond, row, s.Speed);
            Set(streams.PowerWatts, row, s.Power);
            Set(streams.Cadence, row, s.Cadence);
            Set(streams.DistanceMeters, row, s.Distance);
            Set(streams.AltitudeMeters, row, s.Altitude);
            Set(streams.Latitude, row, s.Latitude);
            Set(streams.Longitude, row, s.Longitude);
            Set(streams.TemperatureCelsius, row, s.Temperature);
        }

        return streams;
    }

    private static void Set(double[] column, int row, double value)
    {
        if (!double.IsNaN(value))
        {
            column[row] = value;
        }
    }

    private static bool IsSorted(ReadOnlySpan<StreamSample> samples)
    {
        for (var i = 1; i < samples.Length; i++)
        {
            if (samples[i].Seconds < samples[i - 1].Seconds)
            {
                return false;
            }
        }

        return true;
    }
}
