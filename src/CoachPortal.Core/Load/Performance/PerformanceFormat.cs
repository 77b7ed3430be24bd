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

    /// <summary>A result in its unit; seconds as a clock time (h:mm:ss), as race results are written.</summary>
    public static string Value(double value, string unit)
    {
        if (unit.Trim() is "s" or "sec" or "seconds")
        {
            var time = TimeSpan.FromSeconds(Math.Round(value));
            return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}");
    }
}
