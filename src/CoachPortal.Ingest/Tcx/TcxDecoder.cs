using System.Xml;

namespace CoachPortal.Ingest.Tcx;

/// <summary>
/// Decodes Garmin TrainingCenterDatabase v2 files (with ActivityExtension v2: Speed, Watts, RunCadence) into
/// activities, one per &lt;Activity&gt;.
/// </summary>
public static class TcxDecoder
{
    /// <summary>Decodes <paramref name="data"/>; throws <see cref="ActivityFormatException"/> for malformed XML.</summary>
    public static unsafe DecodeResult Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        if (data.IsEmpty)
        {
            using var empty = new MemoryStream([], writable: false);
            return Decode(empty, options);
        }

        fixed (byte* p = data)
        {
            using var stream = new UnmanagedMemoryStream(p, data.Length);
            return Decode(stream, options);
        }
    }

    /// <summary>Decodes a TCX stream.</summary>
    public static DecodeResult Decode(Stream stream, DecodeOptions? options = null)
    {
        var warnings = new List<DecodeWarning>();
        var activities = new List<Activity>();
        try
        {
            using var reader = XmlInput.Open(stream);
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!sawRoot)
                {
                    if (reader.LocalName != "TrainingCenterDatabase")
                    {
                        throw new ActivityFormatException(ActivityFileFormat.Tcx, $"TCX: root element is <{reader.LocalName}>, not <TrainingCenterDatabase>.");
                    }

                    sawRoot = true;
                    continue;
                }

                if (reader.LocalName == "Activity")
                {
                    activities.Add(ReadActivity(reader, warnings));
                }
            }
        }
        catch (XmlException e)
        {
            throw new ActivityFormatException(ActivityFileFormat.Tcx, $"TCX: malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", e);
        }

        if (activities.Count == 0)
        {
            warnings.Add(new DecodeWarning("TCX: the file has no activities."));
        }

        if (options?.Strict == true && warnings.Count > 0)
        {
            throw new ActivityFormatException(ActivityFileFormat.Tcx, "TCX: " + warnings[0].Message);
        }

        return new DecodeResult(ActivityFileFormat.Tcx, activities, warnings);
    }

    private static Activity ReadActivity(XmlReader reader, List<DecodeWarning> warnings)
    {
        var sport = ParseSport(reader.GetAttribute("Sport"));
        DateTime? id = null;
        string? notes = null;
        string? creator = null;
        var laps = new List<ActivitySummary>();
        var points = new List<(DateTime Time, StreamSample Sample)>();
        var dropped = 0;
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return new Activity { Sport = sport };
        }

        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Id":
                    id = XmlInput.Time(XmlInput.ReadText(reader));
                    break;
                case "Notes":
                    notes = XmlInput.ReadText(reader);
                    break;
                case "Lap":
                    laps.Add(ReadLap(reader, points, ref dropped));
                    break;
                case "Creator":
                    creator = ReadCreator(reader);
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        if (dropped > 0)
        {
            warnings.Add(new DecodeWarning($"TCX: {dropped} trackpoints without a valid <Time> were skipped."));
        }

        var start = id ?? laps.FirstOrDefault()?.StartTimeUtc ?? (points.Count > 0 ? points[0].Time : null);
        var samples = new StreamSample[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            samples[i] = points[i].Sample;
            samples[i].Seconds = start is { } s ? (points[i].Time - s).TotalSeconds : i;
        }

        var streams = StreamsBuilder.Build(samples, true, "TCX", warnings, out var shiftSeconds);
        if (shiftSeconds != 0 && start is { } original)
        {
            start = original.AddSeconds(shiftSeconds);
        }

        return new Activity
        {
            Sport = sport,
            StartTimeUtc = start,
            Creator = creator,
            Name = string.IsNullOrEmpty(notes) ? null : notes,
            Laps = laps,
            Summary = Sum(laps, start),
            Streams = streams,
        };
    }

    private static ActivitySummary ReadLap(XmlReader reader, List<(DateTime, StreamSample)> points, ref int dropped)
    {
        var start = XmlInput.Time(reader.GetAttribute("StartTime"));
        double? total = null, distance = null, maxSpeed = null, calories = null, avgHr = null, maxHr = null, cadence = null, avgSpeed = null, avgPower = null, maxPower = null;
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new ActivitySummary { StartTimeUtc = start };
        }

        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "TotalTimeSeconds": total = Opt(XmlInput.ReadText(reader)); break;
                case "DistanceMeters": distance = Opt(XmlInput.ReadText(reader)); break;
                case "MaximumSpeed": maxSpeed = Opt(XmlInput.ReadText(reader)); break;
                case "Calories": calories = Opt(XmlInput.ReadText(reader)); break;
                case "AverageHeartRateBpm": avgHr = Opt(XmlInput.ReadText(reader)); break;
                case "MaximumHeartRateBpm": maxHr = Opt(XmlInput.ReadText(reader)); break;
                case "Cadence": cadence = Opt(XmlInput.ReadText(reader)); break;
                case "AvgSpeed": avgSpeed = Opt(XmlInput.ReadText(reader)); break;
                case "AvgWatts": avgPower = Opt(XmlInput.ReadText(reader)); break;
                case "MaxWatts": maxPower = Opt(XmlInput.ReadText(reader)); break;
                case "Trackpoint": ReadTrackpoint(reader, points, ref dropped); break;
                default: reader.Read(); break;
            }
        }

        reader.Read();
        return new ActivitySummary
        {
            StartTimeUtc = start,
            ElapsedSeconds = total,
            TimerSeconds = total,
            DistanceMeters = distance,
            MaxSpeed = maxSpeed,
            Calories = calories,
            AvgHeartRate = avgHr,
            MaxHeartRate = maxHr,
            AvgCadence = cadence,
            AvgSpeed = avgSpeed,
            AvgPower = avgPower,
            MaxPower = maxPower,
        };
    }

    private static void ReadTrackpoint(XmlReader reader, List<(DateTime, StreamSample)> points, ref int dropped)
    {
        var sample = StreamSample.At(0);
        DateTime? time = null;
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            dropped++;
            return;
        }

        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Time": time = XmlInput.Time(XmlInput.ReadText(reader)); break;
                case "LatitudeDegrees": sample.Latitude = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "LongitudeDegrees": sample.Longitude = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "AltitudeMeters": sample.Altitude = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "DistanceMeters": sample.Distance = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "HeartRateBpm": sample.HeartRate = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "Cadence":
                case "RunCadence":
                    sample.Cadence = XmlInput.Number(XmlInput.ReadText(reader));
                    break;
                case "Speed": sample.Speed = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "Watts": sample.Power = XmlInput.Number(XmlInput.ReadText(reader)); break;
                default: reader.Read(); break;
            }
        }

        reader.Read();
        if (time is null)
        {
            dropped++;
            return;
        }

        points.Add((time.Value, sample));
    }

    private static string? ReadCreator(XmlReader reader)
    {
        string? name = null;
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Name" && reader.Depth == depth + 1)
            {
                name = XmlInput.ReadText(reader);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        return string.IsNullOrEmpty(name) ? null : name;
    }

    private static ActivitySummary Sum(List<ActivitySummary> laps, DateTime? start)
    {
        double? Total(Func<ActivitySummary, double?> f)
        {
            double? sum = null;
            foreach (var l in laps)
            {
                if (f(l) is { } v)
                {
                    sum = (sum ?? 0) + v;
                }
            }

            return sum;
        }

        double? Max(Func<ActivitySummary, double?> f)
        {
            double? max = null;
            foreach (var l in laps)
            {
                if (f(l) is { } v && (max is null || v > max))
                {
                    max = v;
                }
            }

            return max;
        }

        return new ActivitySummary
        {
            StartTimeUtc = start,
            ElapsedSeconds = Total(l => l.ElapsedSeconds),
            TimerSeconds = Total(l => l.TimerSeconds),
            DistanceMeters = Total(l => l.DistanceMeters),
            Calories = Total(l => l.Calories),
            MaxHeartRate = Max(l => l.MaxHeartRate),
            MaxSpeed = Max(l => l.MaxSpeed),
            MaxPower = Max(l => l.MaxPower),
        };
    }

    private static double? Opt(string text)
    {
        var v = XmlInput.Number(text);
        return double.IsNaN(v) ? null : v;
    }

    internal static Sport ParseSport(string? sport) => sport?.Trim().ToUpperInvariant() switch
    {
        "RUNNING" or "RUN" => Sport.Running,
        "BIKING" or "CYCLING" or "BIKE" or "RIDE" => Sport.Cycling,
        "SWIMMING" or "SWIM" => Sport.Swimming,
        "WALKING" or "WALK" => Sport.Walking,
        "HIKING" or "HIKE" => Sport.Hiking,
        "ROWING" => Sport.Rowing,
        _ => Sport.Generic,
    };
}
