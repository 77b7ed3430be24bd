using CoachPortal.Analytics.Performance;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Web.Components.Shared;
using CoachPortal.Web.Localization;

namespace CoachPortal.Web.Features.Load;

/// <summary>
/// Power–duration and pace–duration charts. Duration runs on a log10(seconds) axis so that 1 s and 5 h fit one chart;
/// the named durations are drawn as labelled grid lines, and the module's <c>durationLog10</c> formatter turns the
/// axis value back into a duration in the tooltip.
/// </summary>
public static class MeanMaximalCharts
{
    private static readonly (int Seconds, string Label)[] s_ticks =
    [
        (1, "1 s"), (5, "5 s"), (15, "15 s"), (60, "1 min"), (300, "5 min"), (1200, "20 min"), (3600, "1 h"), (18000, "5 h"),
    ];

    /// <summary>The athlete's best power and, when fitted, the CP model P(t) = CP + W′/t from 1 min on.</summary>
    public static IReadOnlyList<ChartSeries> Power(MeanMaximalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var series = new List<ChartSeries> { new("Best power (W)", summary.Power.Select(p => Point(p.DurationSeconds, p.Value)).ToList()) };
        if (summary.CriticalPower is { } fit)
        {
            series.Add(new ChartSeries("CP model (W)", Model(summary.Power, fit, v => v)));
        }

        return series;
    }

    /// <summary>Best running pace in min/km and, when fitted, the critical-speed model's pace from 1 min on.</summary>
    public static IReadOnlyList<ChartSeries> Pace(MeanMaximalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var series = new List<ChartSeries>
        {
            new("Best pace (min/km)", summary.Speed.Where(p => p.Value > 0).Select(p => Point(p.DurationSeconds, PaceMinutesPerKm(p.Value))).ToList()),
        };
        if (summary.CriticalSpeed is { } fit)
        {
            series.Add(new ChartSeries("Critical-speed model (min/km)", Model(summary.Speed, fit, PaceMinutesPerKm)));
        }

        return series;
    }

    public static Dictionary<string, object?> PowerOptions(MeanMaximalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Options(summary.Power, new { title = new { text = "W" }, decimalsInFloat = 0, min = 0 });
    }

    public static Dictionary<string, object?> PaceOptions(MeanMaximalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var options = Options(summary.Speed, new { title = new { text = "min/km (faster up)" }, reversed = true, labels = new { formatter = "paceMinPerKm" } });
        options["tooltip"] = new { x = new { formatter = "durationLog10" }, y = new { formatter = "paceMinPerKm" } };
        return options;
    }

    /// <summary>Speed in m/s as pace in decimal minutes per kilometre.</summary>
    public static double PaceMinutesPerKm(double metersPerSecond) => 1000.0 / metersPerSecond / 60.0;

    /// <summary>"CP 250 W · W′ 20.0 kJ" and the fit quality, for the caption.</summary>
    public static string PowerCaption(CriticalPowerFit fit, DisplayFormat format)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(format);
        return string.Create(format.Culture,
            $"CP {fit.CriticalPowerWatts:0} W · W′ {fit.WPrimeJoules / 1000:0.0} kJ · fit from {fit.PointsUsed} best efforts of 2–20 min: SEE {fit.StandardErrorOfEstimateWatts:0.0} W, R² (work–time) {fit.RSquaredWork:0.000}");
    }

    /// <summary>Critical speed as the reader's speed and pace, D′ in metres, with the fit quality.</summary>
    public static string PaceCaption(CriticalPowerFit fit, DisplayFormat format)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(format);
        return string.Create(format.Culture,
            $"Critical speed {format.Speed(fit.CriticalPowerWatts)} ({format.Pace(fit.CriticalPowerWatts)}) · D′ {fit.WPrimeJoules:0} m · fit from {fit.PointsUsed} best efforts of 2–20 min: SEE {fit.StandardErrorOfEstimateWatts:0.00} m/s");
    }

    private static Dictionary<string, object?> Options(IReadOnlyList<CurvePoint> points, object yaxis)
    {
        var longest = points.Count == 0 ? 3600 : points[^1].DurationSeconds;
        return new Dictionary<string, object?>
        {
            ["xaxis"] = new
            {
                type = "numeric",
                min = 0,
                max = Math.Round(Math.Log10(longest), 3),
                labels = new { show = false },
                axisTicks = new { show = false },
                tooltip = new { enabled = false },
            },
            ["yaxis"] = yaxis,
            ["stroke"] = new { width = new[] { 3, 2 }, dashArray = new[] { 0, 6 }, curve = "straight" },
            ["markers"] = new { size = 0 },
            ["tooltip"] = new { x = new { formatter = "durationLog10" } },
            ["legend"] = new { position = "top" },
            ["annotations"] = new
            {
                xaxis = s_ticks.Where(t => t.Seconds <= longest).Select(t => new
                {
                    x = Math.Round(Math.Log10(t.Seconds), 3),
                    borderColor = "#9e9e9e",
                    strokeDashArray = 3,
                    label = new { text = t.Label, orientation = "horizontal", position = "bottom", borderWidth = 0, style = new { background = "transparent" } },
                }).ToArray(),
            },
        };
    }

    private static List<object?> Model(IReadOnlyList<CurvePoint> points, CriticalPowerFit fit, Func<double, double> display) =>
        points.Where(p => p.DurationSeconds >= 60)
            .Select(p => Point(p.DurationSeconds, display(fit.PowerAtDurationWatts(p.DurationSeconds))))
            .ToList();

    private static object? Point(int durationSeconds, double value) =>
        new { x = Math.Round(Math.Log10(durationSeconds), 4), y = double.IsFinite(value) ? Math.Round(value, 2) : (double?)null };
}
