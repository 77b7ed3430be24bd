using System.Globalization;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Wellness;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CoachPortal.Web.Features.Sessions.History;

/// <summary>
/// Upload, map, preview and import an athlete's history. The preview reads the first lines on the page; the import
/// is queued as a background job, whose progress and per-line result the page follows through the notifier (and by
/// polling, for a job that runs on another node).
/// </summary>
public partial class HistoryImportPage
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);
    private static readonly char[] s_delimiters = [',', ';', '\t'];

    private HistoryKind _kind = HistoryKind.Wellness;
    private bool _pmSys = true;
    private bool _busy;
    private string? _content;
    private string _fileName = "history.csv";
    private HistoryImportView? _import;
    private int? _importId;
    private IReadOnlyList<string> _columns = [];
    private WellnessForm _wellness = new();
    private SessionForm _sessions = new();
    private IReadOnlyList<PreviewLine>? _preview;
    private bool _refused;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Parameter]
    public int AthleteId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await Imports.RequireCanImportAsync(Caller, AthleteId);
            _refused = false;
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
        {
            _refused = true;
        }
    }

    private RenderFragment ColumnItems() => builder =>
    {
        foreach (var column in _columns)
        {
            builder.OpenComponent<MudSelectItem<string>>(0);
            builder.AddAttribute(1, nameof(MudSelectItem<string>.Value), column);
            builder.CloseComponent();
        }
    };

    private async Task LoadFileAsync(InputFileChangeEventArgs e)
    {
        try
        {
            await using var stream = e.File.OpenReadStream(HistoryImportService.MaxBytes);
            using var reader = new StreamReader(stream);
            _content = await reader.ReadToEndAsync();
            _fileName = e.File.Name;
            _columns = HeaderOf(_content);
            _preview = null;
        }
        catch (IOException ex)
        {
            Snackbar.Add($"The file could not be read: {ex.Message}", Severity.Error);
        }
    }

    private Task KindChangedAsync(HistoryKind kind)
    {
        _kind = kind;
        _preview = null;
        return Task.CompletedTask;
    }

    private void PresetChanged(bool pmSys)
    {
        _pmSys = pmSys;
        _preview = null;
    }

    private async Task PreviewAsync()
    {
        await Snackbar.TryAsync(async () =>
        {
            _preview = _kind == HistoryKind.Wellness
                ? [.. (await Imports.PreviewWellnessAsync(Caller, AthleteId, _content!, WellnessMapping())).Select(r => new PreviewLine(r.Line, r.Date, r.Value is { } v ? Describe(v) : Problems(r.Errors)))]
                : [.. (await Imports.PreviewSessionsAsync(Caller, AthleteId, _content!, SessionMapping())).Select(r => new PreviewLine(r.Line, r.Date, r.Value is { } v ? Describe(v) : Problems(r.Errors)))];
        });
    }

    private async Task ImportAsync()
    {
        _busy = true;
        try
        {
            var caller = Caller;
            var id = 0;
            if (await Snackbar.TryAsync(async () => id = _kind == HistoryKind.Wellness
                ? await Imports.StartWellnessAsync(caller, AthleteId, _fileName, _content!, WellnessMapping())
                : await Imports.StartSessionsAsync(caller, AthleteId, _fileName, _content!, SessionMapping())))
            {
                _importId = id;
                await RefreshAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RefreshAsync()
    {
        if (_importId is { } importId)
        {
            _import = await Imports.GetAsync(Caller, importId);
        }
    }

    private bool IsRunning() => _import is { IsFinished: false };

    private static string StatusText(HistoryImportView v) => v.Status switch
    {
        HistoryImportStatus.Queued => "waiting to start…",
        HistoryImportStatus.Running => string.Create(CultureInfo.InvariantCulture, $"importing, {v.ProcessedRecords} of {v.TotalRecords} records stored…"),
        HistoryImportStatus.Succeeded => "finished.",
        _ => "failed.",
    };

    private WellnessColumnMapping WellnessMapping() => _pmSys ? PmSysPreset.Wellness : new WellnessColumnMapping(
        _wellness.DateColumn ?? "",
        _wellness.Scales.Where(s => s.Column is not null).ToDictionary(s => s.Scale, s => new ScaleMapping(s.Column!, s.Min, s.Max, s.HigherIsBetter)),
        _wellness.SleepHoursColumn,
        _wellness.OffScaleIsMissing);

    private SessionColumnMapping SessionMapping() => _pmSys ? PmSysPreset.Sessions : new SessionColumnMapping(
        _sessions.TimeColumn ?? "", _sessions.TimeIsEnd, _sessions.DurationMinutesColumn ?? "", _sessions.RpeColumn ?? "", _sessions.ActivityColumn);

    private static string Describe(WellnessInput v) => string.Join(" · ", new (string Label, object? Value)[]
    {
        ("readiness", v.Readiness), ("fatigue", v.Fatigue), ("soreness", v.Soreness), ("sleep quality", v.SleepQuality),
        ("stress", v.Stress), ("mood", v.Mood), ("sleep h", v.SleepHours),
    }.Where(p => p.Value is not null).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Label} {p.Value}")));

    private static string Describe(ImportedSession s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.StartUtc:yyyy-MM-dd HH:mm} UTC · {s.DurationSeconds / 60.0:0.#} min · RPE {s.Rpe} · load {s.LoadAu:0} · {s.Title ?? s.Sport}");

    private static string Problems(IReadOnlyList<string> errors) => errors.Count == 0 ? "(empty line)" : "Refused: " + string.Join(" ", errors);

    // The first line's names, split on the delimiter it uses most.
    private static string[] HeaderOf(string content)
    {
        var first = content.ReplaceLineEndings("\n").Split('\n')[0];
        var delimiter = s_delimiters.MaxBy(d => first.Count(c => c == d));
        return [.. first.Split(delimiter).Select(c => c.Trim().Trim('"')).Where(c => c.Length > 0)];
    }

    private sealed record PreviewLine(int Line, DateOnly? Date, string Text);

    private sealed class WellnessForm
    {
        public string? DateColumn { get; set; }

        public string? SleepHoursColumn { get; set; }

        public bool OffScaleIsMissing { get; set; }

        public List<ScaleForm> Scales { get; } =
        [
            new(WellnessScale.Readiness, "Readiness", WellnessValidator.ReadinessMin, true),
            new(WellnessScale.Fatigue, "Fatigue", WellnessValidator.ScaleMin, false),
            new(WellnessScale.Soreness, "Soreness", WellnessValidator.ScaleMin, false),
            new(WellnessScale.SleepQuality, "Sleep quality", WellnessValidator.ScaleMin, true),
            new(WellnessScale.Stress, "Stress", WellnessValidator.ScaleMin, false),
            new(WellnessScale.Mood, "Mood", WellnessValidator.ScaleMin, true),
        ];
    }

    private sealed class ScaleForm(WellnessScale scale, string label, double min, bool higherIsBetter)
    {
        public WellnessScale Scale { get; } = scale;

        public string Label { get; } = label;

        public string? Column { get; set; }

        public double Min { get; set; } = min;

        public double Max { get; set; } = WellnessValidator.ScaleMax;

        public bool HigherIsBetter { get; set; } = higherIsBetter;
    }

    private sealed class SessionForm
    {
        public string? TimeColumn { get; set; }

        public bool TimeIsEnd { get; set; }

        public string? DurationMinutesColumn { get; set; }

        public string? RpeColumn { get; set; }

        public string? ActivityColumn { get; set; }
    }
}
