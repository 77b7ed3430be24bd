using System.Globalization;
using System.Text;

namespace CoachPortal.Ingest.Archives;

/// <summary>
/// Reads Strava's <c>activities.csv</c> (RFC 4180: quoted fields may hold commas, quotes and line breaks) into the
/// activities keyed by their file. Columns are found by their header names, so Strava's changes of column order and
/// its repeated names (the first one wins) do not matter; lines without a file (manual entries) are left out.
/// </summary>
public static class StravaActivityIndex
{
    /// <summary>Largest field kept, in characters; a longer description is cut there.</summary>
    private const int MaxFieldLength = 8000;

    /// <summary>The activities by their file's path (forward slashes, compared without case).</summary>
    public static IReadOnlyDictionary<string, StravaActivity> Read(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var index = new Dictionary<string, StravaActivity>(StringComparer.OrdinalIgnoreCase);
        var header = ReadRecord(reader);
        if (header is null)
        {
            return index;
        }

        var file = Column(header, "Filename");
        if (file < 0)
        {
            throw new ActivityFormatException(ActivityFileFormat.Csv, "activities.csv: the \"Filename\" column is missing.");
        }

        var name = Column(header, "Activity Name");
        var description = Column(header, "Activity Description");
        var exertion = Column(header, "Perceived Exertion");
        while (ReadRecord(reader) is { } record)
        {
            var path = Field(record, file);
            if (string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            path = ExportArchive.Normalize(path.Trim());
            index[path] = new StravaActivity(path, Field(record, name), Field(record, description), Exertion(Field(record, exertion)));
        }

        return index;
    }

    // Strava writes "5.0" for a 5; anything off its 1–10 scale is not an answer.
    private static int? Exertion(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 10
            ? (int)Math.Round(value, MidpointRounding.AwayFromZero)
            : null;

    private static int Column(List<string> header, string name) =>
        header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));

    private static string? Field(List<string> record, int column) =>
        column >= 0 && column < record.Count && !string.IsNullOrWhiteSpace(record[column]) ? record[column] : null;

    /// <summary>One record, or null at the end; a quoted field runs on across line breaks.</summary>
    internal static List<string>? ReadRecord(TextReader reader)
    {
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0)
                {
                    break;
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        Append(field, '"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    Append(field, (char)c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n' or '\r' or < 0)
            {
                fields.Add(field.ToString());
                field.Clear();
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (c != ',')
                {
                    return fields;
                }
            }
            else
            {
                Append(field, (char)c);
            }

            c = reader.Read();
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static void Append(StringBuilder field, char c)
    {
        if (field.Length < MaxFieldLength)
        {
            field.Append(c);
        }
    }
}
