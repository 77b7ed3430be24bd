using System.Xml;

namespace CoachPortal.Ingest.Gpx;

/// <summary>
/// Decodes GPX 1.0 and 1.1 tracks (and routes) into activities, one per &lt;trk&gt; or &lt;rte&gt;. Reads Garmin
/// TrackPointExtension v1/v2 (hr, cad, atemp, speed) and power extensions (&lt;power&gt;, &lt;PowerInWatts&gt;).
/// Segments are kept as gaps. Tracks without times become point-indexed streams (see <see cref="ActivityStreams.IsTimeBased"/>).
/// </summary>
public static class GpxDecoder
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

    /// <summary>Decodes a GPX stream.</summary>
    public static DecodeResult Decode(Stream stream, DecodeOptions? options = null)
    {
        var warnings = new List<DecodeWarning>();
        var activities = new List<Activity>();
        string? creator = null;
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
                    if (reader.LocalName != "gpx")
                    {
                        throw new ActivityFormatException(ActivityFileFormat.Gpx, $"GPX: root element is <{reader.LocalName}>, not <gpx>.");
                    }

                    creator = reader.GetAttribute("creator");
                    sawRoot = true;
                    continue;
                }

                if (reader.LocalName is "trk" or "rte" && reader.Depth == 1)
                {
                    var activity = ReadTrack(reader, creator, warnings, activities.Count);
                    if (activity is not null)
                    {
                        activities.Add(activity);
                    }
                }
            }
        }
        catch (XmlException e)
        {
            throw new ActivityFormatException(ActivityFileFormat.Gpx, $"GPX: malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", e);
        }

        if (activities.Count == 0)
        {
            warnings.Add(new DecodeWarning("GPX: the file has no track or route points."));
        }

        if (options?.Strict == true && warnings.Count > 0)
        {
            throw new ActivityFormatException(ActivityFileFormat.Gpx, "GPX: " + warnings[0].Message);
        }

        return new DecodeResult(ActivityFileFormat.Gpx, activities, warnings) { Creator = creator };
    }

    private static Activity? ReadTrack(XmlReader reader, string? creator, List<DecodeWarning> warnings, int index)
    {
        var isRoute = reader.LocalName == "rte";
        var pointName = isRoute ? "rtept" : "trkpt";
        string? name = null;
        string? type = null;
        var points = new List<(DateTime? Time, StreamSample Sample)>();
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return null;
        }

        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (reader.LocalName == pointName)
            {
                points.Add(ReadPoint(reader));
            }
            else if (reader.LocalName == "name" && reader.Depth == depth + 1)
            {
                name = XmlInput.ReadText(reader);
            }
            else if (reader.LocalName == "type" && reader.Depth == depth + 1)
            {
                type = XmlInput.ReadText(reader);
            }
            else if (reader.Depth == depth + 1 && reader.LocalName is not "trkseg")
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        if (points.Count == 0)
        {
            return null;
        }

        var timed = 0;
        DateTime? start = null;
        DateTime? end = null;
        foreach (var (time, _) in points)
        {
            if (time is { } t)
            {
                timed++;
                if (start is null || t < start)
                {
                    start = t;
                }

                if (end is null || t > end)
                {
                    end = t;
                }
            }
        }

        var label = $"{(isRoute ? "route" : "track")} {index + 1}";
        StreamSample[] samples;
        bool timeBased;
        // Many points stamped with (nearly) one instant (a broken logger) carry no time information either.
        var degenerate = timed >= 2 && (end!.Value - start!.Value).TotalSeconds / (timed - 1) < 0.01;
        if (timed >= 1 && timed * 2 >= points.Count && !degenerate)
        {
            if (timed < points.Count)
            {
                warnings.Add(new DecodeWarning($"GPX: {points.Count - timed} points of {label} have no time and were skipped."));
            }

            samples = new StreamSample[timed];
            var n = 0;
            foreach (var (time, sample) in points)
            {
                if (time is { } t)
                {
                    samples[n] = sample;
                    samples[n++].Seconds = (t - start!.Value).TotalSeconds;
                }
            }

            timeBased = true;
        }
        else
        {
            if (!isRoute)
            {
                warnings.Add(new DecodeWarning($"GPX: {label} has no usable times; its points are kept in file order without a time base."));
            }

            samples = new StreamSample[points.Count];
            for (var i = 0; i < points.Count; i++)
            {
                samples[i] = points[i].Sample;
                samples[i].Seconds = i;
            }

            timeBased = false;
            start = null;
        }

        var streams = StreamsBuilder.Build(samples, timeBased, "GPX", warnings, out var shiftSeconds);
        StreamStatistics.FillDistanceAndSpeedFromTrack(streams);
        if (shiftSeconds != 0 && start is { } original)
        {
            start = original.AddSeconds(shiftSeconds);
        }

        return new Activity
        {
            Sport = Tcx.TcxDecoder.ParseSport(type),
            StartTimeUtc = start,
            Creator = string.IsNullOrWhiteSpace(creator) ? null : creator,
            Name = string.IsNullOrEmpty(name) ? null : name,
            Summary = new ActivitySummary { StartTimeUtc = start },
            Streams = streams,
        };
    }

    private static (DateTime? Time, StreamSample Sample) ReadPoint(XmlReader reader)
    {
        var sample = StreamSample.At(0);
        sample.Latitude = XmlInput.Number(reader.GetAttribute("lat"));
        sample.Longitude = XmlInput.Number(reader.GetAttribute("lon"));
        DateTime? time = null;
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (null, sample);
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
                case "ele": sample.Altitude = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "time": time = XmlInput.Time(XmlInput.ReadText(reader)); break;
                case "hr": sample.HeartRate = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "cad": sample.Cadence = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "atemp":
                case "temp":
                    sample.Temperature = XmlInput.Number(XmlInput.ReadText(reader));
                    break;
                case "speed": sample.Speed = XmlInput.Number(XmlInput.ReadText(reader)); break;
                case "power":
                case "PowerInWatts":
                case "watts":
                    sample.Power = XmlInput.Number(XmlInput.ReadText(reader));
                    break;
                case "name":
                case "desc":
                case "cmt":
                case "src":
                case "link":
                    reader.Skip();
                    break;
                default: reader.Read(); break;
            }
        }

        reader.Read();
        return (time, sample);
    }
}
