using System.Globalization;

namespace CoachPortal.Web.Features.Sessions;

/// <summary>How the session pages write durations, distances and paces.</summary>
internal static class SessionFormat
{
    public static string Duration(int seconds) => seconds >= 3600
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds % 3600 / 60:00}:{seconds % 60:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");

    public static string Distance(double? meters) => meters is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{m / 1000:0.00} km")
        : "–";

    public static string Number(double? value, string unit, string format = "0") => value is { } v && !double.IsNaN(v)
        ? v.ToString(format, CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "")
        : "–";

    /// <summary>Pace for runs (min/km), speed otherwise (km/h).</summary>
    public static string Speed(double? metersPerSecond, string sport)
    {
        if (metersPerSecond is not { } v || v <= 0)
        {
            return "–";
        }

        if (sport == Analytics.Sessions.SessionSports.Running)
        {
            var secondsPerKm = (int)Math.Round(1000 / v);
            return string.Create(CultureInfo.InvariantCulture, $"{secondsPerKm / 60}:{secondsPerKm % 60:00} /km");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{v * 3.6:0.0} km/h");
    }

    public static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
