using System.Globalization;
using System.Text;

namespace CoachPortal.Core.Plans.Calendar;

/// <summary>
/// Writes an iCalendar (RFC 5545) feed of all-day events: CRLF line ends, TEXT escaping (§3.3.11) and lines folded at
/// 75 octets (§3.1) without splitting a UTF-8 sequence.
/// </summary>
public static class IcsWriter
{
    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<PlannedSessionView> sessions, DateTime stampUtc, string host)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//CoachPortal//Training plan//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        var stamp = stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var s in sessions)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"UID:planned-{s.Id}@{host}"));
            Line(sb, "DTSTAMP:" + stamp);
            Line(sb, "DTSTART;VALUE=DATE:" + s.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "DTEND;VALUE=DATE:" + s.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + Escape($"{s.Sport}: {s.Title}"));
            var description = string.Create(CultureInfo.InvariantCulture, $"{s.Text}\n{Math.Round(s.DurationSeconds / 60)} min, {s.Tss:0} TSS");
            if (s.ChangeReason is not null)
            {
                description += "\n" + s.ChangeReason;
            }

            Line(sb, "DESCRIPTION:" + Escape(description));
            Line(sb, "STATUS:" + (s.Status == PlannedSessionStatus.Skipped ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static void Line(StringBuilder sb, string content)
    {
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in content.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                // A folded line starts with one space, which counts toward its 75 octets.
                sb.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        sb.Append("\r\n");
    }
}
