using System.Globalization;

namespace CoachPortal.Core.Load.Performance;

/// <summary>Test results and the performance index (100 = the first result, higher is better) in words people read.</summary>
public static class PerformanceFormat
{
    /// <summary>
    /// "4.2 % better", "3.0 % worse" or "the same": the index already turns a time into a relative speed, so "better"
    /// means faster for a timed test and never reads as a bigger time.
    /// </summary>
    public static string Change(double index)
    {
        var change = Math.Round(index - 100, 1);
        return change switch
        {
            > 0 => string.Create(CultureInfo.InvariantCulture, $"{change:0.0} % better"),
            < 0 => string.Create(CultureInfo.InvariantCulture, $"{-change:0.0} % worse"),
            _ => "the same",
        };
    }

    /// <summary>A result in its unit; seconds as a clock time (<see cref="Clock"/>), as race results are written.</summary>
    public static string Value(double value, string unit) => Value(value, unit, CultureInfo.InvariantCulture);

    /// <summary>A result in its unit, numbers in <paramref name="culture"/>; seconds as a clock time.</summary>
    public static string Value(double value, string unit, IFormatProvider culture) => IsSeconds(unit)
        ? Clock(value)
        : string.Create(culture, $"{value:0.##} {unit}");

    /// <summary>Whether a test's unit is seconds, so its results are times.</summary>
    public static bool IsSeconds(string unit) => unit.Trim() is "s" or "sec" or "seconds";

    /// <summary>
    /// A duration as a clock: h:mm:ss from an hour on (hours keep counting past 24), m:ss below. Rounded to the whole
    /// second first, so 59:59.6 reads 1:00:00, never 59:60.
    /// </summary>
    public static string Clock(double seconds)
    {
        if (!double.IsFinite(seconds))
        {
            return "–";
        }

        var total = (long)Math.Round(Math.Abs(seconds), MidpointRounding.AwayFromZero);
        var sign = seconds < 0 && total > 0 ? "-" : "";
        return total >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{total / 3600}:{total % 3600 / 60:00}:{total % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{total / 60}:{total % 60:00}");
    }
}
