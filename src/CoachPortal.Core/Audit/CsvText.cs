using System.Globalization;
using System.Text;

namespace CoachPortal.Core.Audit;

/// <summary>
/// CSV (RFC 4180, comma, CRLF) for spreadsheets. Text cells that a spreadsheet would run as a formula (starting with
/// =, +, -, @, tab or carriage return) are prefixed with an apostrophe, as OWASP's CSV-injection guidance advises;
/// numbers are written invariantly and never altered.
/// </summary>
public sealed class CsvText
{
    private readonly StringBuilder _text = new();

    public CsvText(params string[] headers)
    {
        Row(headers);
    }

    public CsvText Row(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            _text.Append(Cell(cells[i]));
        }

        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_text.ToString());

    /// <summary>One cell, neutralised and quoted as needed.</summary>
    public static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => Neutralise(s),
            double d => double.IsFinite(d) ? d.ToString("0.###", CultureInfo.InvariantCulture) : "",
            float f => float.IsFinite(f) ? f.ToString("0.###", CultureInfo.InvariantCulture) : "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutralise(value.ToString() ?? ""),
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Neutralise(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;
}
