namespace CoachPortal.Ingest.Fit;

/// <summary>
/// Splits the records, laps and pool lengths of a FIT file among its sessions: by file of a chain first (a chain of
/// files whose sessions start at the same second keeps each file's records with its own session), then by time,
/// with a stable order so equal start times keep file order. A pool swim whose records carry no usable time gets
/// its streams from its lengths.
/// </summary>
internal sealed class FitSessionSplitter(
    RecordColumns records, IReadOnlyList<(int File, int FirstRow)> recordFiles, FitHeartRateEvents heartRate, List<DecodeWarning> warnings)
{
    public readonly record struct Part(FitSummaryMessage Session, uint Start, List<ActivitySummary> Laps, ActivityStreams Streams);

    public List<Part> Split(List<FitSummaryMessage> sessions, List<FitSummaryMessage> laps, List<FitPoolLength> lengths)
    {
        // OrderBy is stable; Array.Sort is not, and would shuffle sessions that start at the same second.
        var ordered = sessions.OrderBy(s => s.FileIndex).ThenBy(s => s.EffectiveStart).ToArray();
        var orderedLaps = laps.OrderBy(l => l.FileIndex).ThenBy(l => l.EffectiveStart).ToArray();
        var files = ordered.Select(s => s.FileIndex).Distinct().ToArray();
        var parts = new List<Part>(ordered.Length);
        if (files.Length > 1 && files.All(f => RowsOf(f).To > RowsOf(f).From))
        {
            foreach (var file in files)
            {
                var (from, to) = RowsOf(file);
                SplitSegment(
                    from,
                    to,
                    ordered.Where(s => s.FileIndex == file).ToArray(),
                    orderedLaps.Where(l => l.FileIndex == file).ToArray(),
                    lengths.Where(l => l.FileIndex == file).ToArray(),
                    parts);
            }
        }
        else
        {
            SplitSegment(0, records.Count, [.. ordered.OrderBy(s => s.EffectiveStart)], orderedLaps.OrderBy(l => l.EffectiveStart).ToArray(), [.. lengths], parts);
        }

        return parts;
    }

    private void SplitSegment(int from, int to, FitSummaryMessage[] sessions, FitSummaryMessage[] laps, FitPoolLength[] lengths, List<Part> parts)
    {
        var sampleIndex = from;
        var lapIndex = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            var isLast = i == sessions.Length - 1;
            var nextStart = isLast ? double.PositiveInfinity : sessions[i + 1].EffectiveStart;
            var first = sampleIndex;
            while (sampleIndex < to && (isLast || records.Time(sampleIndex) < nextStart))
            {
                sampleIndex++;
            }

            var lapsOfSession = new List<ActivitySummary>();
            while (lapIndex < laps.Length && (isLast || laps[lapIndex].EffectiveStart < nextStart))
            {
                lapsOfSession.Add(laps[lapIndex++].ToSummary());
            }

            var own = sampleIndex - first;
            var start = session.StartTime ?? (own == 0 ? (uint)Math.Max(0, session.EffectiveStart) : FirstTime(first, sampleIndex));
            if (own > 0 && FirstTime(first, sampleIndex) is var firstTime && firstTime != 0 && firstTime < start)
            {
                start = firstTime;
            }

            var sessionLengths = lengths.Where(l => l.StartTime >= session.EffectiveStart && (isLast || l.StartTime < nextStart)).ToArray();
            var streams = sessionLengths.Length > 0 && DistinctTimes(first, sampleIndex) < 2
                ? FromLengths(sessionLengths, start, session.PoolLengthMeters)
                : Streams(first, sampleIndex, ref start);
            parts.Add(new Part(session, start, lapsOfSession, streams));
        }
    }

    public uint FirstTime(int from, int to)
    {
        var min = uint.MaxValue;
        for (var i = from; i < to; i++)
        {
            var t = records.Time(i);
            if (t != 0 && t < min)
            {
                min = t;
            }
        }

        return min == uint.MaxValue ? 0 : min;
    }

    /// <summary>
    /// The streams of records [from, to) relative to <paramref name="start"/>; when the plausible records lie far
    /// from it (a corrupt session start), <paramref name="start"/> moves to them.
    /// </summary>
    public ActivityStreams Streams(int from, int to, ref uint start)
    {
        var n = to - from;
        if (n == 0)
        {
            return ActivityStreams.Empty;
        }

        var elapsed = new int[n];
        var previousTime = records.Time(from);
        var onGrid = previousTime >= start && previousTime != 0;
        elapsed[0] = (int)Math.Min(int.MaxValue, previousTime - (long)start);
        for (var i = 1; i < n && onGrid; i++)
        {
            var t = records.Time(from + i);
            onGrid = t > previousTime;
            previousTime = t;
            elapsed[i] = (int)Math.Min(int.MaxValue, t - (long)start);
        }

        if (onGrid && (long)elapsed[n - 1] - elapsed[0] <= SampleTimeline.MaxGapSeconds && Math.Abs((long)elapsed[0]) <= SampleTimeline.MaxGapSeconds)
        {
            // Usual case: one record per second at most, in order: the columns are copied out as they are.
            return new ActivityStreams(elapsed, records.CopyColumns(from, n));
        }

        // Otherwise drop implausible times, merge, sort, and give records without a timestamp their predecessor's second.
        var samples = new StreamSample[n];
        var previous = 0.0;
        for (var i = 0; i < n; i++)
        {
            samples[i] = records.Sample(from + i);
            var t = records.Time(from + i);
            samples[i].Seconds = t == 0 ? previous : (double)t - start;
            previous = samples[i].Seconds;
        }

        var streams = StreamsBuilder.Build(samples, true, "FIT", warnings, out var shiftSeconds);
        start = (uint)Math.Clamp(start + shiftSeconds, 0, uint.MaxValue - 1);
        return streams;
    }

    private (int From, int To) RowsOf(int file)
    {
        for (var i = 0; i < recordFiles.Count; i++)
        {
            if (recordFiles[i].File == file)
            {
                return (recordFiles[i].FirstRow, i + 1 < recordFiles.Count ? recordFiles[i + 1].FirstRow : records.Count);
            }
        }

        return (0, 0);
    }

    private int DistinctTimes(int from, int to)
    {
        var distinct = new HashSet<uint>();
        for (var i = from; i < to && distinct.Count < 2; i++)
        {
            if (records.Time(i) >= FitProfile.MinAbsoluteTimestamp)
            {
                distinct.Add(records.Time(i));
            }
        }

        return distinct.Count;
    }

    // One sample where the first length starts and one at the end of each length: distance counts active lengths
    // of the pool, heart rate is the mean of the hr events within the length.
    private ActivityStreams FromLengths(FitPoolLength[] lengths, uint start, double? poolLengthMeters)
    {
        var samples = new StreamSample[lengths.Length + 1];
        samples[0] = StreamSample.At(lengths[0].StartTime - (double)start);
        samples[0].Distance = 0;
        var distance = 0.0;
        for (var i = 0; i < lengths.Length; i++)
        {
            var length = lengths[i];
            if (length.IsActive && poolLengthMeters is > 0)
            {
                distance += poolLengthMeters.Value;
            }

            var sample = StreamSample.At(length.EndTime - start);
            sample.Distance = poolLengthMeters is > 0 ? distance : double.NaN;
            sample.Speed = length.IsActive ? length.SpeedMetersPerSecond : 0;
            sample.Cadence = length.IsActive ? length.StrokesPerMinute : 0;
            sample.HeartRate = heartRate.Mean(length.StartTime, length.EndTime);
            samples[i + 1] = sample;
        }

        return StreamsBuilder.Build(samples, true, "FIT", warnings, out _);
    }
}

/// <summary>One pool length of a swim (FIT <c>length</c> message, global 101), scaled.</summary>
internal readonly record struct FitPoolLength(int FileIndex, uint StartTime, double ElapsedSeconds, bool IsActive, double SpeedMetersPerSecond, double StrokesPerMinute)
{
    // length fields (FIT profile): 2 start_time, 3 total_elapsed_time (uint32, scale 1000, s), 6 avg_speed
    // (uint16, scale 1000, m/s), 9 avg_swimming_cadence (uint8, strokes/min), 12 length_type (0 idle, 1 active).
    private const byte StartTimeField = 2;
    private const byte TotalElapsedTime = 3;
    private const byte AvgSpeed = 6;
    private const byte AvgSwimmingCadence = 9;
    private const byte LengthType = 12;

    public double EndTime => StartTime + ElapsedSeconds;

    public static FitPoolLength? From(in FitMessageView m)
    {
        if (!m.TryGetInteger(StartTimeField, out var start) || start < FitProfile.MinAbsoluteTimestamp ||
            !m.TryGetInteger(TotalElapsedTime, out var elapsed))
        {
            return null;
        }

        var active = !m.TryGetInteger(LengthType, out var type) || type == 1;
        return new FitPoolLength(
            m.FileIndex,
            (uint)start,
            elapsed / 1000.0,
            active,
            m.GetScaled(AvgSpeed, 1000),
            m.GetDouble(AvgSwimmingCadence));
    }
}
