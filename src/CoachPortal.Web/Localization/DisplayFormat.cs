using System.Globalization;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Users;

namespace CoachPortal.Web.Localization;

/// <summary>
/// How the portal writes values for one reader: dates and numbers in their culture, distances, paces, speeds and
/// heights in their unit system, durations always as a clock. Pages get one cascaded (<see cref="CascadingDisplayFormat"/>);
/// exports and the API never use it, they stay invariant.
/// </summary>
public sealed class DisplayFormat(CultureInfo culture, UnitSystem units)
{
    private const double MetersPerMile = 1609.344;
    private const double FeetPerMeter = 1 / 0.3048;

    /// <summary>The current thread's culture, metric: what a page shows before it knows its reader.</summary>
    public static DisplayFormat Current => new(CultureInfo.CurrentCulture, UnitSystem.Metric);

    public CultureInfo Culture { get; } = culture;

    public UnitSystem Units { get; } = units;

    public bool IsImperial => Units == UnitSystem.Imperial;

    public string DistanceUnit => IsImperial ? "mi" : "km";

    public string PaceUnit => IsImperial ? "min/mi" : "min/km";

    public string SpeedUnit => IsImperial ? "mph" : "km/h";

    public string ElevationUnit => IsImperial ? "ft" : "m";

    /// <summary>The culture's short date: 04/12/2026 (en-GB), 12/4/2026 (en-US), 04.12.2026 (de-DE).</summary>
    public string Date(DateOnly date) => date.ToString("d", Culture);

    public string Date(DateTime date) => date.ToString("d", Culture);

    /// <summary>Day and abbreviated month in the culture's order: "4 Dec", "Dec 4", "4. Dez.".</summary>
    public string DayMonth(DateOnly date) => date.ToString(ShortMonthDayPattern(), Culture);

    public string DayMonth(DateTime date) => date.ToString(ShortMonthDayPattern(), Culture);

    /// <summary>Weekday, day and month: "Fri 4 Dec", "Fri Dec 4".</summary>
    public string WeekdayDayMonth(DateOnly date) => date.ToString("ddd ", Culture) + DayMonth(date);

    /// <summary>The culture's long date with weekday: "Friday 4 December 2026", "Friday, December 4, 2026".</summary>
    public string LongDate(DateOnly date) => date.ToString("D", Culture);

    /// <summary>A UTC time as the culture writes a short date and time, marked UTC.</summary>
    public string DateTimeUtc(DateTime utc) => utc.ToString("g", Culture) + " UTC";

    /// <summary>A number in the culture (decimal comma where it belongs); "–" when there is none.</summary>
    public string Number(double? value, string format = "0") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, Culture) : "–";

    /// <summary>A number followed by its unit, "–" when there is none.</summary>
    public string Quantity(double? value, string unit, string format = "0") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, Culture) + (unit.Length > 0 ? " " + unit : "") : "–";

    public string Percent(double? fraction, string format = "P0") =>
        fraction is { } f && double.IsFinite(f) ? f.ToString(format, Culture) : "–";

    /// <summary>A distance in km or mi with two decimals.</summary>
    public string Distance(double? meters, string format = "0.00") =>
        meters is { } m && double.IsFinite(m) ? Quantity(IsImperial ? m / MetersPerMile : m / 1000, DistanceUnit, format) : "–";

    /// <summary>A short distance such as a workout step: metres below a kilometre, km above; miles for imperial.</summary>
    public string StepDistance(double meters) => IsImperial
        ? Quantity(meters / MetersPerMile, "mi", "0.##")
        : meters >= 1000 ? Quantity(meters / 1000, "km", "0.##") : Quantity(meters, "m", "0");

    /// <summary>Elevation in m or ft, whole numbers.</summary>
    public string Elevation(double? meters) =>
        meters is { } m && double.IsFinite(m) ? Quantity(IsImperial ? m * FeetPerMeter : m, ElevationUnit, "0") : "–";

    /// <summary>Pace as minutes and seconds per km or mile: "4:30 /km", "7:14 /mi".</summary>
    public string Pace(double? metersPerSecond)
    {
        if (metersPerSecond is not { } v || !double.IsFinite(v) || v <= 0)
        {
            return "–";
        }

        return $"{Duration(PaceSeconds(v))} /{(IsImperial ? "mi" : "km")}";
    }

    /// <summary>Seconds per km or mile at this speed.</summary>
    public double PaceSeconds(double metersPerSecond) => (IsImperial ? MetersPerMile : 1000) / metersPerSecond;

    /// <summary>Speed in km/h or mph with one decimal.</summary>
    public string Speed(double? metersPerSecond) =>
        metersPerSecond is { } v && double.IsFinite(v) && v > 0 ? Quantity(SpeedValue(v), SpeedUnit, "0.0") : "–";

    public double SpeedValue(double metersPerSecond) => metersPerSecond * (IsImperial ? 3600 / MetersPerMile : 3.6);

    /// <summary>Pace for runs, speed for everything else, as athletes read them.</summary>
    public string SpeedOrPace(double? metersPerSecond, string sport) =>
        sport == Analytics.Sessions.SessionSports.Running ? Pace(metersPerSecond) : Speed(metersPerSecond);

    /// <summary>A duration as a clock: h:mm:ss from an hour on, m:ss below; never a count of seconds.</summary>
    public static string Duration(double seconds) => PerformanceFormat.Clock(seconds);

    /// <summary>A test result in its unit; times (unit seconds) as a clock, so a 5 km reads 17:50, not 1070.05 s.</summary>
    public string TestResult(double value, string unit) => PerformanceFormat.Value(value, unit, Culture);

    private string ShortMonthDayPattern()
    {
        // MonthDayPattern is "d MMMM" (en-GB), "MMMM d" (en-US), "d. MMMM" (de-DE): keep the culture's order, shorten the month.
        var pattern = Culture.DateTimeFormat.MonthDayPattern;
        return pattern.Contains("MMMM", StringComparison.Ordinal) ? pattern.Replace("MMMM", "MMM", StringComparison.Ordinal) : "d MMM";
    }
}
