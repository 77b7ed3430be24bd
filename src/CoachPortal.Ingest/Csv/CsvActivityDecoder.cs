using System.Globalization;
using System.Text;

namespace CoachPortal.Ingest.Csv;

/// <summary>
/// Decodes delimited text with a header row into one activity, through a <see cref="CsvColumnMapping"/>
/// (time or elapsed seconds, hr, speed or pace, power, cadence, distance, altitude, lat/lon, temperature).
/// </summary>
public static class CsvActivityDecoder
{
    /// <summary>The longest plausible single session in a CSV file: 48 h covers the longest ultra events recorded as one.</summary>
    public const int MaxSessionSeconds = 48 * 3600;

    /// <summary>Decodes <paramref name="data"/> (UTF-8, BOM allowed) with <see cref="DecodeOptions.Csv"/> or recognised headers.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(data);
        }
        catch (DecoderFallbackException e)
        {
            throw new ActivityFormatException(ActivityFileFormat.Csv, "CSV: the file is not UTF-8 text.", e);
        }

        return Decode(text, options);
    }

    /// <summary>Decodes CSV text.</summary>
    public static DecodeResult Decode(string text, DecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var strict = options?.Strict ?? false;
        var warnings = new List<DecodeWarning>();
        var lines = text.Split('\n');
        var first = 0;
        while (first < lines.Length && string.IsNullOrWhiteSpace(lines[first]))
        {
            first++;
        }

        if (first == lines.Length)
        {
            throw new ActivityFormatException(ActivityFileFormat.Csv, "CSV: the file is empty.");
        }

        var headerLine = lines[first].TrimEnd('\r');
        var mapping = options?.Csv;
        var delimiter = mapping?.Delimiter ?? DetectDelimiter(headerLine);
        var headers = SplitLine(headerLine, delimiter);
        mapping ??= CsvColumnMapping.Recognise(headers);
        var decimalComma = delimiter == ';';

        int Column(string? name)
        {
            if (name is null)
            {
                return -1;
            }

            for (var i = 0; i < headers.Count; i++)
            {
                if (string.Equals(headers[i].Trim(), name, StringComparison.OrdinalIgnoreCase) ||
                    CsvColumnMapping.Normalise(headers[i]) == CsvColumnMapping.Normalise(name))
                {
                    return i;
                }
            }

            throw new ActivityFormatException(ActivityFileFormat.Csv, $"CSV: the mapped column \"{name}\" is not in the header row.");
        }

        var timeCol = Column(mapping.Time);
        var elapsedCol = Column(mapping.ElapsedSeconds);
        if (timeCol < 0 && elapsedCol < 0)
        {
            throw new ActivityFormatException(ActivityFileFormat.Csv, "CSV: no time or elapsed-seconds column (map one with CsvColumnMapping).");
        }

        var hrCol = Column(mapping.HeartRate);
        var speedCol = Column(mapping.Speed);
        var paceCol = Column(mapping.Pace);
        var powerCol = Column(mapping.Power);
        var cadenceCol = Column(mapping.Cadence);
        var distanceCol = Column(mapping.Distance);
        var altitudeCol = Column(mapping.Altitude);
        var latCol = Column(mapping.Latitude);
        var lonCol = Column(mapping.Longitude);
        var tempCol = Column(mapping.Temperature);
        if (hrCol < 0 && speedCol < 0 && paceCol < 0 && powerCol < 0 && cadenceCol < 0 && distanceCol < 0 && altitudeCol < 0 &&
            (latCol < 0 || lonCol < 0) && tempCol < 0)
        {
            throw new ActivityFormatException(
                ActivityFileFormat.Csv,
                "CSV: a time column but no data column (heart rate, power, speed, pace, cadence, distance, altitude or position): this does not look like a training session.");
        }

        var samples = new List<StreamSample>(lines.Length);
        DateTime? start = timeCol < 0 && mapping.StartTimeUtc is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : null;
        var skipped = 0;
        for (var li = first + 1; li < lines.Length; li++)
        {
            var line = lines[li].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = SplitLine(line, delimiter);
            string Cell(int c) => c >= 0 && c < cells.Count ? cells[c].Trim() : string.Empty;
            double Num(int c) => ParseNumber(Cell(c), decimalComma);

            double seconds;
            if (timeCol >= 0)
            {
                var t = XmlInput.Time(Cell(timeCol));
                if (t is null)
                {
                    skipped++;
                    if (strict)
                    {
                        throw new ActivityFormatException(ActivityFileFormat.Csv, $"CSV: line {li + 1}: unreadable time \"{Cell(timeCol)}\".");
                    }

                    continue;
                }

                start ??= t;
                seconds = (t.Value - start.Value).TotalSeconds;
            }
            else
            {
                seconds = ParseDuration(Cell(elapsedCol), decimalComma);
                if (double.IsNaN(seconds))
                {
                    skipped++;
                    if (strict)
                    {
                        throw new ActivityFormatException(ActivityFileFormat.Csv, $"CSV: line {li + 1}: unreadable elapsed time \"{Cell(elapsedCol)}\".");
                    }

                    continue;
                }
            }

            var s = StreamSample.At(seconds);
            s.HeartRate = Num(hrCol);
            s.Speed = SpeedToMetersPerSecond(Num(speedCol), mapping.SpeedUnit);
            if (double.IsNaN(s.Speed) && paceCol >= 0)
            {
                var pace = ParseDuration(Cell(paceCol), decimalComma);
                // A pace without a colon is decimal minutes; with one it is m:ss (parsed to seconds above).
                var perUnitSeconds = Cell(paceCol).Contains(':', StringComparison.Ordinal) ? pace : pace * 60;
                var unitMeters = mapping.PaceUnit == CsvPaceUnit.MinutesPerMile ? 1609.344 : 1000.0;
                s.Speed = perUnitSeconds > 0 ? unitMeters / perUnitSeconds : double.NaN;
            }

            s.Power = Num(powerCol);
            s.Cadence = Num(cadenceCol);
            s.Distance = Num(distanceCol) * mapping.DistanceUnit switch
            {
                CsvDistanceUnit.Kilometres => 1000.0,
                CsvDistanceUnit.Miles => 1609.344,
                _ => 1.0,
            };
            s.Altitude = Num(altitudeCol);
            s.Latitude = Num(latCol);
            s.Longitude = Num(lonCol);
            s.Temperature = Num(tempCol);
            samples.Add(s);
        }

        if (skipped > 0)
        {
            warnings.Add(new DecodeWarning($"CSV: {skipped} rows without a readable time were skipped."));
        }

        var activities = new List<Activity>();
        if (samples.Count > 0)
        {
            var before = warnings.Count;
            var streams = StreamsBuilder.Build(samples.ToArray(), true, "CSV", warnings, out var shiftSeconds);
            if (strict && warnings.Count > before)
            {
                throw new ActivityFormatException(ActivityFileFormat.Csv, warnings[^1].Message);
            }

            if (streams.Count > 0 && streams.ElapsedSeconds[^1] - streams.ElapsedSeconds[0] > MaxSessionSeconds)
            {
                throw new ActivityFormatException(
                    ActivityFileFormat.Csv,
                    string.Create(CultureInfo.InvariantCulture, $"CSV: the rows span {(streams.ElapsedSeconds[^1] - streams.ElapsedSeconds[0]) / 86400.0:0.#} days; one training session spans at most {MaxSessionSeconds / 3600} hours (daily records belong in wellness)."));
            }

            if (shiftSeconds != 0 && start is { } original)
            {
                start = original.AddSeconds(shiftSeconds);
            }

            activities.Add(new Activity
            {
                Sport = mapping.Sport,
                StartTimeUtc = start,
                Summary = new ActivitySummary { StartTimeUtc = start },
                Streams = streams,
            });
        }

        else
        {
            warnings.Add(new DecodeWarning("CSV: the file has no data rows."));
        }

        return new DecodeResult(ActivityFileFormat.Csv, activities, warnings);
    }

    private static double SpeedToMetersPerSecond(double v, CsvSpeedUnit unit) => unit switch
    {
        CsvSpeedUnit.KilometresPerHour => v / 3.6,
        CsvSpeedUnit.MilesPerHour => v * 0.44704,
        _ => v,
    };

    private static char DetectDelimiter(string header)
    {
        var best = ',';
        var bestCount = 0;
        foreach (var c in new[] { ',', ';', '\t' })
        {
            var n = header.Count(ch => ch == c);
            if (n > bestCount)
            {
                best = c;
                bestCount = n;
            }
        }

        return best;
    }

    /// <summary>Splits one line into cells at <paramref name="delimiter"/>, honouring double quotes (RFC 4180).</summary>
    public static List<string> SplitLine(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static double ParseNumber(string s, bool decimalComma)
    {
        if (s.Length == 0)
        {
            return double.NaN;
        }

        if (decimalComma)
        {
            s = s.Replace(',', '.');
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN;
    }

    // Seconds from "123.4", "m:ss" or "h:mm:ss".
    private static double ParseDuration(string s, bool decimalComma)
    {
        if (!s.Contains(':', StringComparison.Ordinal))
        {
            return ParseNumber(s, decimalComma);
        }

        var total = 0.0;
        foreach (var part in s.Split(':'))
        {
            var v = ParseNumber(part, decimalComma);
            if (double.IsNaN(v) || v < 0)
            {
                return double.NaN;
            }

            total = (total * 60) + v;
        }

        return total;
    }
}
