using System.Globalization;
using CoachPortal.Analytics.Load;
using CoachPortal.Core.Load;
using CoachPortal.Core.Load.Board;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Wellness;
using CoachPortal.Web.Components.Shared;

namespace CoachPortal.Web.Features.Load;

/// <summary>
/// Turns stored numbers into ApexCharts series and options. Units go into the series names because ApexCharts'
/// tooltip formatters are JavaScript functions, which cannot travel as JSON options.
/// </summary>
public static class DashboardCharts
{
    public const double AcwrLow = 0.8;
    public const double AcwrHigh = 1.3;

    public static string Unit(PrimaryLoadMetric metric) => metric switch
    {
        PrimaryLoadMetric.Trimp => "TRIMP",
        PrimaryLoadMetric.SessionRpe => "AU",
        _ => "TSS",
    };

    public static string MetricName(PrimaryLoadMetric metric) => metric switch
    {
        PrimaryLoadMetric.Trimp => "Banister TRIMP",
        PrimaryLoadMetric.SessionRpe => "session RPE (RPE × min)",
        _ => "TSS",
    };

    public static IReadOnlyList<ChartSeries> Pmc(IReadOnlyList<DailyLoad> days, PrimaryLoadMetric metric)
    {
        ArgumentNullException.ThrowIfNull(days);
        var unit = Unit(metric) + "/d";
        return
        [
            new ChartSeries($"CTL fitness ({unit})", days.Select(d => Point(d.Date, d.Ctl)).ToList()),
            new ChartSeries($"ATL fatigue ({unit})", days.Select(d => Point(d.Date, d.Atl)).ToList()),
            new ChartSeries($"TSB form ({unit})", days.Select(d => Point(d.Date, d.Tsb)).ToList()),
        ];
    }

    public static IReadOnlyList<ChartSeries> Acwr(IReadOnlyList<DailyLoad> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return
        [
            new ChartSeries("ACWR rolling 7:28 (ratio)", days.Select(d => Point(d.Date, d.AcwrRolling)).ToList()),
            new ChartSeries("ACWR EWMA (ratio)", days.Select(d => Point(d.Date, d.AcwrEwma)).ToList()),
        ];
    }

    public static IReadOnlyList<ChartSeries> WeeklyBySport(IReadOnlyList<WeeklySportLoad> weeks, PrimaryLoadMetric metric)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var allWeeks = weeks.Select(w => w.WeekStart).Distinct().Order().ToList();
        return weeks.GroupBy(w => w.Sport).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChartSeries(
                $"{g.Key} ({Unit(metric)})",
                allWeeks.Select(week => Point(week, g.FirstOrDefault(w => w.WeekStart == week)?.Load ?? 0)).ToList()))
            .ToList();
    }

    public static (IReadOnlyList<ChartSeries> Series, IReadOnlyList<string> Labels) HeartRateZones(HeartRateZoneSummary zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var labels = new List<string>();
        for (var i = 0; i < zones.SecondsPerZone.Count; i++)
        {
            var low = i == 0 ? null : (double?)zones.UpperBoundsBpm[i - 1];
            var high = i < zones.UpperBoundsBpm.Count ? (double?)zones.UpperBoundsBpm[i] : null;
            var range = (low, high) switch
            {
                (null, { } h) => $"< {h:0} bpm",
                ({ } l, null) => $"≥ {l:0} bpm",
                ({ } l, { } h) => $"{l:0}–{h:0} bpm",
                _ => "",
            };
            labels.Add(string.Create(CultureInfo.InvariantCulture, $"Z{i + 1} {range} (h)"));
        }

        var hours = zones.SecondsPerZone.Select(s => (object?)Math.Round(s / 3600, 1)).ToList();
        return ([new ChartSeries("Hours", hours)], labels);
    }

    /// <summary>How the zone times were counted, for the caption under the chart.</summary>
    public static string ZoneBasis(HeartRateZoneSummary zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var counted = (zones.SessionsFromSamples, zones.SessionsFromAverage) switch
        {
            (_, 0) => "time in zone from every heart-rate sample",
            (0, var n) => $"each of {n} session(s) counts in the zone of its average heart rate (stored before per-sample zone times were kept)",
            (var s, var n) => $"{s} session(s) from every heart-rate sample; {n} older or re-anchored session(s) by their average heart rate",
        };
        return $"Anchored on {zones.Basis}; {counted}.";
    }

    public static IReadOnlyList<ChartSeries> Performance(PerformanceModelView model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var series = new List<ChartSeries>
        {
            new($"{model.Kind} ({model.Unit})", model.Results.Select(r => Point(r.Date, r.Value)).ToList()),
        };
        if (model.Modelled.Count > 0)
        {
            series.Add(new ChartSeries($"Banister model ({model.Unit})", model.Modelled.Select(r => Point(r.Date, r.Value)).ToList()));
            series.Add(new ChartSeries($"Projection, recent load ({model.Unit})", model.Projection.Select(r => Point(r.Date, r.Value)).ToList()));
        }

        return series;
    }

    public static IReadOnlyList<ChartSeries> WellnessScales(IReadOnlyList<WellnessCheckIn> checkIns)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        ChartSeries Scale(string name, Func<WellnessCheckIn, int?> value) =>
            new($"{name} (1–10)", checkIns.Select(c => Point(c.Date, value(c))).ToList());
        return
        [
            Scale("Readiness", c => c.Readiness),
            Scale("Fatigue", c => c.Fatigue),
            Scale("Soreness", c => c.Soreness),
            Scale("Sleep quality", c => c.SleepQuality),
            Scale("Stress", c => c.Stress),
            Scale("Mood", c => c.Mood),
            new("Sleep (h)", checkIns.Select(c => Point(c.Date, c.SleepHours)).ToList()),
            new("Wellness score (0–100)", checkIns.Select(c => Point(c.Date, WellnessScore.Of(c))).ToList()),
        ];
    }

    public static IReadOnlyList<ChartSeries> Physiology(IReadOnlyList<WellnessCheckIn> checkIns)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        return
        [
            new ChartSeries("Resting HR (bpm)", checkIns.Select(c => Point(c.Date, c.RestingHeartRateBpm)).ToList()),
            new ChartSeries("HRV rMSSD (ms)", checkIns.Select(c => Point(c.Date, c.HrvRmssdMs)).ToList()),
        ];
    }

    public static Dictionary<string, object?> TimeAxis(string yTitle)
    {
        var options = new Dictionary<string, object?>
        {
            ["xaxis"] = new { type = "datetime" },
            ["yaxis"] = new { title = new { text = yTitle }, decimalsInFloat = 1 },
            ["stroke"] = new { width = 2, curve = "straight" },
            ["tooltip"] = new { x = new { format = "ddd d MMM yyyy" } },
            ["legend"] = new { position = "top" },
        };
        return options;
    }

    public static Dictionary<string, object?> AcwrOptions()
    {
        var options = TimeAxis("ratio");
        options["yaxis"] = new { title = new { text = "acute : chronic" }, min = 0, decimalsInFloat = 2 };
        options["annotations"] = new
        {
            yaxis = new object[]
            {
                new { y = AcwrLow, y2 = AcwrHigh, fillColor = "#4caf50", opacity = 0.15, borderColor = "transparent", label = new { text = "0.8–1.3 target band" } },
                new { y = BoardRules.AcwrThreshold, borderColor = "#e53935", strokeDashArray = 4, label = new { text = "1.5", style = new { color = "#fff", background = "#e53935" } } },
            },
        };
        return options;
    }

    public static Dictionary<string, object?> StackedWeeks(string unit) => new()
    {
        ["chart"] = new Dictionary<string, object?> { ["stacked"] = true },
        ["xaxis"] = new { type = "datetime", labels = new { format = "d MMM" } },
        ["yaxis"] = new { title = new { text = $"{unit} per week" }, decimalsInFloat = 0 },
        ["tooltip"] = new { x = new { format = "'week of' d MMM yyyy" } },
        ["plotOptions"] = new { bar = new { columnWidth = "70%" } },
        ["legend"] = new { position = "top" },
        ["dataLabels"] = new { enabled = false },
    };

    public static Dictionary<string, object?> PerformanceOptions(string unit, bool higherIsBetter) => new()
    {
        ["xaxis"] = new { type = "datetime" },
        ["yaxis"] = new { title = new { text = higherIsBetter ? unit : $"{unit} (lower is better)" }, reversed = !higherIsBetter, decimalsInFloat = 1 },
        ["stroke"] = new { width = new[] { 0, 2, 2 }, dashArray = new[] { 0, 0, 5 } },
        ["markers"] = new { size = new[] { 6, 0, 0 } },
        ["tooltip"] = new { x = new { format = "d MMM yyyy" } },
        ["legend"] = new { position = "top" },
    };

    private static object Point(DateOnly date, double? value) =>
        new { x = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), y = value is { } v && double.IsFinite(v) ? Math.Round(v, 2) : (double?)null };
}
