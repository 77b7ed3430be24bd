using System.Globalization;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Wellness;
using CsvHelper;
using CsvHelper.Configuration;

namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// Reads wellness and training-log exports through a column mapping. Each data line is checked on its own (by the
/// same validator as the check-in form), so one bad line never stops the good ones; only an unusable header throws.
/// </summary>
public static class HistoryCsvParser
{
    /// <summary>Parses every data line of a wellness export; dates are local days in <paramref name="zone"/>.</summary>
    /// <exception cref="FormatException">the header lacks a mapped column</exception>
    public static IReadOnlyList<HistoryRow<WellnessInput>> ParseWellness(string csvText, WellnessColumnMapping mapping, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(zone);
        foreach (var (scale, m) in mapping.Scales)
        {
            if (!(m.Max > m.Min))
            {
                throw new FormatException($"The {Label(scale)} scale must have a maximum above its minimum.");
            }
        }

        string[] columns = [mapping.DateColumn, .. mapping.Scales.Values.Select(s => s.Column), .. Optional(mapping.SleepHoursColumn)];
        return Read(csvText, columns, (line, get) =>
        {
            var errors = new List<string>();
            var input = new WellnessInput();
            var any = false;
            foreach (var (scale, m) in mapping.Scales)
            {
                if (Number(get(m.Column), m.Column, errors) is not { } raw)
                {
                    continue;
                }

                any = true;
                if (raw < m.Min || raw > m.Max)
                {
                    if (!mapping.OffScaleIsMissing)
                    {
                        errors.Add($"{m.Column} {Text(raw)} is outside its scale {Text(m.Min)}–{Text(m.Max)}.");
                    }

                    continue;
                }

                Set(input, scale, ToPortal(scale, m, raw));
            }

            if (mapping.SleepHoursColumn is { } sleepColumn && Number(get(sleepColumn), sleepColumn, errors) is { } hours)
            {
                any = true;
                input.SleepHours = hours;
            }

            var date = Date(get(mapping.DateColumn), mapping.DateColumn, zone, errors);
            if (!any && errors.Count == 0)
            {
                return new HistoryRow<WellnessInput>(line, date, null, []);
            }

            errors.AddRange(WellnessValidator.Validate(input).Select(e => e.Message));
            return new HistoryRow<WellnessInput>(line, date, errors.Count == 0 ? input : null, errors);
        });
    }

    /// <summary>Parses every data line of a training log; dates are the sessions' local days in <paramref name="zone"/>.</summary>
    /// <exception cref="FormatException">the header lacks a mapped column</exception>
    public static IReadOnlyList<HistoryRow<ImportedSession>> ParseSessions(string csvText, SessionColumnMapping mapping, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(zone);
        string[] columns = [mapping.TimeColumn, mapping.DurationMinutesColumn, mapping.RpeColumn, .. Optional(mapping.ActivityColumn)];
        return Read(csvText, columns, (line, get) =>
        {
            var errors = new List<string>();
            var rpe = Number(get(mapping.RpeColumn), mapping.RpeColumn, errors);
            var minutes = Number(get(mapping.DurationMinutesColumn), mapping.DurationMinutesColumn, errors);
            var timeText = get(mapping.TimeColumn);
            if (rpe is null && minutes is null && errors.Count == 0)
            {
                return new HistoryRow<ImportedSession>(line, null, null, []);
            }

            // PMSys's RPE 0 is "rest": no training, nothing to store.
            if (rpe == 0 && errors.Count == 0)
            {
                return new HistoryRow<ImportedSession>(line, null, null, []);
            }

            if (rpe is null)
            {
                errors.Add($"{mapping.RpeColumn} is missing.");
            }
            else if (rpe is < 1 or > 10 || rpe != Math.Round(rpe.Value))
            {
                errors.Add("RPE is a whole number from 1 to 10.");
            }

            if (minutes is null)
            {
                errors.Add($"{mapping.DurationMinutesColumn} is missing.");
            }
            else if (minutes is <= 0 or > 24 * 60)
            {
                errors.Add("The duration must be more than 0 and at most 1,440 minutes.");
            }

            DateTimeOffset? time = null;
            if (timeText is null)
            {
                errors.Add($"{mapping.TimeColumn} is missing.");
            }
            else if (DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                time = t.ToUniversalTime();
            }
            else
            {
                errors.Add($"{mapping.TimeColumn} '{timeText}' is not a date and time.");
            }

            if (errors.Count > 0)
            {
                return new HistoryRow<ImportedSession>(line, null, null, errors);
            }

            var durationSeconds = (int)Math.Round(minutes!.Value * 60);
            var start = mapping.TimeIsEnd ? time!.Value.AddSeconds(-durationSeconds) : time!.Value;
            // Whole seconds, so the same line imported again finds its session.
            var startUtc = new DateTime(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            var activities = mapping.ActivityColumn is { } a ? Activities(get(a)) : null;
            var session = new ImportedSession(startUtc, durationSeconds, (int)rpe!.Value, activities, SportOf(activities));
            return new HistoryRow<ImportedSession>(line, DailyLoadAggregator.LocalDate(start, zone), session, []);
        });
    }

    /// <summary>A source value on the portal's scale: linear from the source range, direction turned where they differ.</summary>
    public static int ToPortal(WellnessScale scale, ScaleMapping mapping, double value)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var good = (value - mapping.Min) / (mapping.Max - mapping.Min);
        if (!mapping.HigherIsBetter)
        {
            good = 1 - good;
        }

        // The portal's fatigue, soreness and stress have 10 at the bad end.
        var portalHigh = scale is WellnessScale.Fatigue or WellnessScale.Soreness or WellnessScale.Stress ? 1 - good : good;
        var min = scale == WellnessScale.Readiness ? WellnessValidator.ReadinessMin : WellnessValidator.ScaleMin;
        return (int)Math.Round(min + (portalHigh * (WellnessValidator.ScaleMax - min)), MidpointRounding.AwayFromZero);
    }

    private static List<HistoryRow<T>> Read<T>(string csvText, string[] columns, Func<int, Func<string, string?>, HistoryRow<T>> row)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(csvText);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StringReader(csvText);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new FormatException("The file is empty: a header row is expected first.");
        }

        var header = csv.HeaderRecord!.Select((h, i) => (Name: h.Trim(), i))
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var missing = columns.Where(c => !header.ContainsKey(c.Trim())).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The header lacks the mapped column(s) {string.Join(", ", missing)}. It has: {string.Join(", ", header.Keys)}.");
        }

        var rows = new List<HistoryRow<T>>();
        while (csv.Read())
        {
            string? Get(string column) =>
                csv.TryGetField<string>(header[column.Trim()], out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            rows.Add(row(csv.Parser.RawRow, Get));
        }

        return rows;
    }

    private static double? Number(string? text, string column, List<string> errors)
    {
        if (text is null || text.Equals("nan", StringComparison.OrdinalIgnoreCase) || text.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"{column} '{text}' is not a number.");
        return null;
    }

    private static DateOnly? Date(string? text, string column, TimeZoneInfo zone, List<string> errors)
    {
        if (text is null)
        {
            errors.Add($"{column} is missing.");
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return DailyLoadAggregator.LocalDate(time, zone);
        }

        errors.Add($"{column} '{text}' is not a date.");
        return null;
    }

    // "['team', 'soccer']" → "team, soccer"
    private static string? Activities(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var names = text.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.Trim('\'', '"').Trim()).Where(n => n.Length > 0);
        var joined = string.Join(", ", names);
        return joined.Length == 0 ? null : joined[..Math.Min(joined.Length, 200)];
    }

    private static string SportOf(string? activities) => activities switch
    {
        null => SessionSports.Other,
        _ when activities.Contains("run", StringComparison.OrdinalIgnoreCase) => SessionSports.Running,
        _ when activities.Contains("cycl", StringComparison.OrdinalIgnoreCase) || activities.Contains("bik", StringComparison.OrdinalIgnoreCase) => SessionSports.Cycling,
        _ when activities.Contains("swim", StringComparison.OrdinalIgnoreCase) => SessionSports.Swimming,
        _ => SessionSports.Other,
    };

    private static void Set(WellnessInput input, WellnessScale scale, int value)
    {
        switch (scale)
        {
            case WellnessScale.Readiness: input.Readiness = value; break;
            case WellnessScale.Fatigue: input.Fatigue = value; break;
            case WellnessScale.Soreness: input.Soreness = value; break;
            case WellnessScale.SleepQuality: input.SleepQuality = value; break;
            case WellnessScale.Stress: input.Stress = value; break;
            case WellnessScale.Mood: input.Mood = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(scale), scale, null);
        }
    }

    private static string Label(WellnessScale scale) => scale == WellnessScale.SleepQuality ? "sleep quality" : scale.ToString().ToLowerInvariant();

    private static string Text(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string[] Optional(string? column) => column is null ? [] : [column];
}
