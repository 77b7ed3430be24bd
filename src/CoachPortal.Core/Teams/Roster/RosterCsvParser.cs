using System.Globalization;
using CoachPortal.Core.Athletes;
using CsvHelper;
using CsvHelper.Configuration;

namespace CoachPortal.Core.Teams.Roster;

/// <summary>
/// Reads a roster CSV with a header row. Columns (case-insensitive, any order; only the names are required):
/// first_name, last_name, birth_date (yyyy-mm-dd), sex (F/M), sport, position, body_mass_kg, hr_max, hr_rest,
/// lthr, ftp_watts, threshold_pace (m:ss per km), email. Each data line is checked on its own, so one bad
/// line never stops the good ones; line numbers count the header as line 1, as a spreadsheet shows them.
/// </summary>
public static class RosterCsvParser
{
    private static readonly string[] s_requiredColumns = ["first_name", "last_name"];

    public static readonly IReadOnlyList<string> Columns =
    [
        "first_name", "last_name", "birth_date", "sex", "sport", "position", "body_mass_kg",
        "hr_max", "hr_rest", "lthr", "ftp_watts", "threshold_pace", "email",
    ];

    /// <summary>Parses every data line; throws <see cref="FormatException"/> only when the header itself is unusable.</summary>
    public static IReadOnlyList<RosterRow> Parse(string csvText, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
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

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = s_requiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The header lacks the required column(s) {string.Join(", ", missing)}. Expected columns: {string.Join(", ", Columns)}.");
        }
        var rows = new List<RosterRow>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var errors = new List<string>();
            string? Get(string name) => header.Contains(name) ? NullIfEmpty(csv.GetField(name)) : null;
            int? Int(string name)
            {
                var raw = Get(name);
                if (raw is null)
                {
                    return null;
                }

                if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }

                errors.Add($"{name} '{raw}' is not a whole number.");
                return null;
            }

            var input = new AthleteInput
            {
                FirstName = Get("first_name") ?? "",
                LastName = Get("last_name") ?? "",
                Sport = Get("sport"),
                Position = Get("position"),
                HeartRateMaxBpm = Int("hr_max"),
                HeartRateRestBpm = Int("hr_rest"),
                LactateThresholdHeartRateBpm = Int("lthr"),
                FtpWatts = Int("ftp_watts"),
                ThresholdPace = Get("threshold_pace"),
                Email = Get("email"),
            };

            if (Get("birth_date") is { } birth)
            {
                if (DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    input.BirthDate = date;
                }
                else
                {
                    errors.Add($"birth_date '{birth}' is not a date written yyyy-mm-dd.");
                }
            }

            if (Get("sex") is { } sex)
            {
                input.Sex = sex.ToUpperInvariant() switch
                {
                    "F" or "FEMALE" or "W" => Sex.Female,
                    "M" or "MALE" => Sex.Male,
                    _ => Sex.Unspecified,
                };
                if (input.Sex == Sex.Unspecified && !sex.Equals("U", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"sex '{sex}' must be F or M (or U for unspecified).");
                }
            }

            if (Get("body_mass_kg") is { } mass)
            {
                if (double.TryParse(mass, NumberStyles.Float, CultureInfo.InvariantCulture, out var kg))
                {
                    input.BodyMassKg = kg;
                }
                else
                {
                    errors.Add($"body_mass_kg '{mass}' is not a number.");
                }
            }

            errors.AddRange(AthleteValidator.Validate(input, today).Select(e => e.Message));
            rows.Add(new RosterRow(line, errors.Count == 0 ? input : null, errors));
        }

        return rows;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
