using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoachPortal.Ingest.Wellness;

/// <summary>
/// Reads the PMSys and Fitbit exports of the PMData layout (Thambawita et al., "PMData: A Sports Logging Dataset",
/// ACM MMSys 2020): pmsys/wellness.csv, pmsys/srpe.csv, pmsys/injury.csv, fitbit/sleep_score.csv and
/// fitbit/resting_heart_rate.json per participant folder. The text parsers are pure, so an upload can use them as well
/// as the folder reader. Values are kept as recorded (a value off its scale is read as not reported); mapping scales
/// onto the portal's is <see cref="WellnessDays"/>' job.
/// </summary>
public static partial class PmDataParser
{
    /// <summary>Reads every participant folder (one that holds pmsys/wellness.csv) under <paramref name="root"/>, by name.</summary>
    /// <exception cref="WellnessFormatException">a file is malformed</exception>
    public static IReadOnlyList<PmDataParticipant> ReadFolder(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return [.. Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, "pmsys", "wellness.csv")))
            .Order(StringComparer.Ordinal)
            .Select(ReadParticipant)];
    }

    /// <summary>Reads one participant folder; the Fitbit files and srpe/injury files are optional.</summary>
    /// <exception cref="WellnessFormatException">a file is malformed</exception>
    public static PmDataParticipant ReadParticipant(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string? Text(params string[] parts)
        {
            var path = Path.Combine([folder, .. parts]);
            return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        }

        return new PmDataParticipant(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
            ParseWellness(Text("pmsys", "wellness.csv") ?? ""),
            Text("pmsys", "srpe.csv") is { } srpe ? ParseSessions(srpe) : [],
            Text("pmsys", "injury.csv") is { } injury ? ParseInjuries(injury) : [],
            Text("fitbit", "sleep_score.csv") is { } sleep ? ParseSleepScores(sleep) : [],
            Text("fitbit", "resting_heart_rate.json") is { } rhr ? ParseRestingHeartRates(rhr) : []);
    }

    /// <summary>Parses pmsys/wellness.csv.</summary>
    public static IReadOnlyList<WellnessReport> ParseWellness(string csv)
    {
        var rows = Rows(csv, "wellness.csv", "effective_time_frame");
        return [.. rows.Select(r => new WellnessReport(
            r.Time("effective_time_frame"),
            r.Int("readiness", 0, 10),
            r.Int("fatigue", 1, 5),
            r.Int("mood", 1, 5),
            r.Int("sleep_quality", 1, 5),
            r.Int("soreness", 1, 5),
            r.Int("stress", 1, 5),
            r.Double("sleep_duration_h", 0, 24),
            ListItems(r.Text("soreness_area"))))
            .OrderBy(w => w.Time)];
    }

    /// <summary>Parses pmsys/srpe.csv; rows without RPE or duration are skipped (no load can be computed).</summary>
    public static IReadOnlyList<SessionReport> ParseSessions(string csv)
    {
        var rows = Rows(csv, "srpe.csv", "end_date_time");
        return [.. rows
            .Select(r => (Row: r, Rpe: r.Int("perceived_exertion", 0, 10), Minutes: r.Double("duration_min", 0, 24 * 60)))
            .Where(x => x.Rpe is not null && x.Minutes is not null)
            .Select(x => new SessionReport(x.Row.Time("end_date_time"), ListItems(x.Row.Text("activity_names")), x.Rpe!.Value, x.Minutes!.Value))
            .OrderBy(s => s.EndTime)];
    }

    /// <summary>Parses pmsys/injury.csv (the injuries column is a Python-style map, e.g. {'left_foot': 'minor'}).</summary>
    public static IReadOnlyList<InjuryReport> ParseInjuries(string csv)
    {
        var rows = Rows(csv, "injury.csv", "effective_time_frame");
        return [.. rows.Select(r => new InjuryReport(
            r.Time("effective_time_frame"),
            PairPattern().Matches(r.Text("injuries") ?? "").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal)))
            .OrderBy(i => i.Time)];
    }

    /// <summary>Parses fitbit/sleep_score.csv; rows without an overall score are skipped.</summary>
    public static IReadOnlyList<SleepScore> ParseSleepScores(string csv)
    {
        var rows = Rows(csv, "sleep_score.csv", "timestamp");
        return [.. rows
            .Select(r => (Row: r, Score: r.Int("overall_score", 0, 100)))
            .Where(x => x.Score is not null)
            .Select(x => new SleepScore(
                x.Row.Time("timestamp"),
                x.Score!.Value,
                x.Row.Int("deep_sleep_in_minutes", 0, 24 * 60),
                x.Row.Int("resting_heart_rate", 0, 250) is { } bpm and > 0 ? bpm : null,
                x.Row.Double("restlessness", 0, 1)))
            .OrderBy(s => s.Time)];
    }

    /// <summary>Parses fitbit/resting_heart_rate.json; a value of 0 means "no reading" and is skipped.</summary>
    public static IReadOnlyList<RestingHeartRateReading> ParseRestingHeartRates(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var result = new List<RestingHeartRateReading>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var date = DateOnly.FromDateTime(DateTime.Parse(item.GetProperty("dateTime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
                var value = item.GetProperty("value");
                var bpm = value.GetProperty("value").GetDouble();
                if (bpm <= 0)
                {
                    continue;
                }

                double? error = value.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
                result.Add(new RestingHeartRateReading(date, bpm, error));
            }

            return [.. result.OrderBy(r => r.Date)];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new WellnessFormatException($"resting_heart_rate.json: {ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"'([^']*)'\s*:\s*'([^']*)'")]
    private static partial Regex PairPattern();

    [GeneratedRegex(@"'([^']*)'|([^\[\],\s']+)")]
    private static partial Regex ItemPattern();

    // "['team', 'soccer']" or "[48979004, 32696007]"
    private static string[] ListItems(string? text) =>
        text is null ? [] : [.. ItemPattern().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];

    private static List<CsvRow> Rows(string csv, string file, string timeColumn)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines.Length > 0 ? Split(lines[0]) : [];
        if (header.Count == 0 || header.All(h => h.Length == 0))
        {
            return [];
        }

        var columns = header.Select((h, i) => (Name: h.Trim(), i)).ToDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
        if (!columns.ContainsKey(timeColumn))
        {
            throw new WellnessFormatException($"{file}: the header has no '{timeColumn}' column");
        }

        var rows = new List<CsvRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                rows.Add(new CsvRow(file, i + 1, columns, Split(lines[i])));
            }
        }

        return rows;
    }

    // RFC 4180 fields: commas inside double quotes belong to the field, "" is a quote.
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private sealed class CsvRow(string file, int line, Dictionary<string, int> columns, List<string> fields)
    {
        public string? Text(string column) =>
            columns.TryGetValue(column, out var i) && i < fields.Count && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;

        public DateTimeOffset Time(string column)
        {
            var text = Text(column) ?? throw Error(column, "is empty");
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.ToUniversalTime()
                : throw Error(column, $"'{text}' is not a date and time");
        }

        public int? Int(string column, int min, int max)
        {
            var value = Double(column, min, max);
            return value is null ? null : (int)Math.Round(value.Value);
        }

        public double? Double(string column, double min, double max)
        {
            var text = Text(column);
            if (text is null || text.Equals("nan", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(column, $"'{text}' is not a number");
            }

            // PMSys writes 0 for "not answered" on its 1–5 scales; any value off the scale is treated as not reported
            return value >= min && value <= max ? value : null;
        }

        private WellnessFormatException Error(string column, string reason) => new($"{file} line {line}: {column} {reason}");
    }
}
