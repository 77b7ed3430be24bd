using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Web.Components.Shared;
using CoachPortal.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace CoachPortal.Web.Features.Sessions;

public partial class SessionPage
{
    private static readonly Dictionary<string, string> s_colors = new(StringComparer.Ordinal)
    {
        ["hr"] = "#d32f2f",
        ["speed"] = "#1976d2",
        ["power"] = "#f57c00",
        ["altitude"] = "#388e3c",
        ["cadence"] = "#7b1fa2",
    };

    private SessionDetail? _detail;
    private List<StreamChart> _charts = [];
    private bool _notFound;
    private int? _rpe;
    private string? _comment;
    private string? _classLabel;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private DisplayFormat Format { get; set; } = DisplayFormat.Current;

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _detail = await Sessions.GetAsync(Caller, Id);
            _rpe = _detail.Session.Rpe;
            _comment = _detail.Session.Comment;
            _classLabel = _detail.Session.ClassLabel;
            _charts = _detail.Series.Select(ToChart).ToList();
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private async Task KeepAsync()
    {
        if (await Snackbar.TryAsync(() => Imports.KeepDamagedAsync(Caller, Id), "Session kept: it now counts in the training load."))
        {
            await OnParametersSetAsync();
        }
    }

    private async Task DiscardAsync()
    {
        var athleteId = _detail!.Session.AthleteId;
        if (await Snackbar.TryAsync(() => Imports.DiscardDamagedAsync(Caller, Id), "Session discarded; the original file is kept."))
        {
            Navigation.NavigateTo($"/athletes/{athleteId}/sessions/upload");
        }
    }

    private async Task SaveFeedbackAsync()
    {
        SessionFeedback? saved = null;
        await Snackbar.TryAsync(async () => saved = await Sessions.UpdateFeedbackAsync(Caller, Id, _rpe, _comment, _detail!.Session.Version), "Saved.");
        if (saved is not null)
        {
            // Only the feedback and its load changed: the streams, laps and charts on the page stay as they are.
            var session = _detail!.Session;
            session.Version = saved.Version;
            session.Rpe = saved.Rpe;
            session.Comment = saved.Comment;
            session.SessionRpeLoad = saved.SessionRpeLoad;
        }
    }

    private async Task SaveClassAsync()
    {
        if (await Snackbar.TryAsync(() => Sessions.SetClassLabelAsync(Caller, Id, _classLabel, _detail!.Session.Version), "Label saved."))
        {
            var charts = _charts;
            _detail = await Sessions.GetAsync(Caller, Id);
            _charts = charts;
        }
    }

    private StreamChart ToChart(StreamSeries series)
    {
        // The stored series are metric (km/h, m); an imperial reader sees mph and ft.
        var (scale, unit) = (series.Key, Format.IsImperial) switch
        {
            ("speed", true) => (Format.SpeedValue(1) / 3.6, Format.SpeedUnit),
            ("altitude", true) => (1 / 0.3048, Format.ElevationUnit),
            _ => (1.0, series.Unit),
        };
        var points = new object?[series.Values.Length];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new { x = Math.Round(series.ElapsedSeconds[i] / 60.0, 3), y = series.Values[i] * scale };
        }

        var options = new Dictionary<string, object?>
        {
            // Charts of one group share zoom and the hover line (ApexCharts "synchronized charts").
            ["chart"] = new Dictionary<string, object?>
            {
                ["id"] = $"session-{Id}-{series.Key}",
                ["group"] = $"session-{Id}",
                ["zoom"] = new { enabled = true, type = "x" },
            },
            ["colors"] = new[] { s_colors.GetValueOrDefault(series.Key, "#455a64") },
            ["stroke"] = new { width = 1.5, curve = "straight" },
            ["dataLabels"] = new { enabled = false },
            ["markers"] = new { size = 0 },
            ["xaxis"] = new { type = "numeric", tickAmount = 10, decimalsInFloat = 1, title = new { text = "min" } },
            ["yaxis"] = new { labels = new { minWidth = 48 }, decimalsInFloat = 0, title = new { text = $"{series.Name} ({unit})" } },
            ["tooltip"] = new { x = new { show = true } },
        };
        return new StreamChart(series.Key, [new ChartSeries($"{series.Name} ({unit})", points)], options);
    }

    private IEnumerable<(string Label, string Value)> Summary(TrainingSession s)
    {
        yield return ("Duration", DisplayFormat.Duration(s.DurationSeconds));
        yield return ("Moving", DisplayFormat.Duration(s.MovingSeconds));
        yield return ("Distance", Format.Distance(s.DistanceMeters));
        yield return (s.Sport == SessionSports.Running ? "Pace" : "Speed", Format.SpeedOrPace(s.AvgSpeedMetersPerSecond, s.Sport));
        yield return ("Elevation gain", Format.Elevation(s.ElevationGainMeters));
        yield return ("Avg HR", Format.Quantity(s.AvgHeartRateBpm, "bpm"));
        yield return ("Max HR", Format.Quantity(s.MaxHeartRateBpm, "bpm"));
        yield return ("Avg power", Format.Quantity(s.AvgPowerWatts, "W"));
        yield return ("NP", Format.Quantity(s.NormalizedPowerWatts, "W"));
        yield return ("IF", Format.Quantity(s.IntensityFactor, "", "0.00"));
        yield return ("TSS", Format.Quantity(s.Tss, ""));
        yield return ("hrTSS", Format.Quantity(s.HrTss, ""));
        yield return ("TRIMP", Format.Quantity(s.TrimpBanister, ""));
        yield return ("Work", Format.Quantity(s.WorkKilojoules, "kJ"));
    }

    private sealed record StreamChart(string Key, IReadOnlyList<ChartSeries> Series, Dictionary<string, object?> Options);
}
