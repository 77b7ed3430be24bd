using System.Globalization;
using System.Text;
using System.Xml;

namespace CoachPortal.Ingest;

/// <summary>Shared XML plumbing for TCX and GPX: safe reader settings, numbers and times in invariant culture.</summary>
internal static class XmlInput
{
    private const int MaxTextLength = 4096;

    public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        // No DTDs and no external resources: uploaded XML is untrusted.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 1024,
        CloseInput = false,
    });

    public static double Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN;

    public static DateTime? Time(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t.UtcDateTime
            : null;

    /// <summary>Reads the text content of the current element (which may have children such as TCX's &lt;Value&gt;).</summary>
    public static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            // Values are numbers, times and names: anything longer is not worth keeping (and must not grow without bound).
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && text.Length < MaxTextLength)
            {
                text.Append(reader.Value, 0, Math.Min(reader.Value.Length, MaxTextLength - text.Length));
            }

            reader.Read();
        }

        reader.Read();
        return text.ToString().Trim();
    }
}
