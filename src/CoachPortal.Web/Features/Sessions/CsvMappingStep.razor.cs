using System.Globalization;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Ingest;
using CoachPortal.Ingest.Csv;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoachPortal.Web.Features.Sessions;

public partial class CsvMappingStep
{
    private static readonly Sport[] s_sports = [Sport.Generic, Sport.Running, Sport.Cycling, Sport.Swimming, Sport.Walking, Sport.Rowing, Sport.Training];
    private CsvPreview? _preview;
    private string? _timeColumn;
    private bool _relative = true;
    private string? _start;
    private string? _startError;
    private string? _heartRate;
    private string? _power;
    private string? _cadence;
    private string? _altitude;
    private string? _speed;
    private string? _distance;
    private CsvSpeedUnit _speedUnit;
    private CsvDistanceUnit _distanceUnit;
    private Sport _sport;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public int AthleteId { get; set; }

    [Parameter, EditorRequired]
    public string FileName { get; set; } = "";

    [Parameter, EditorRequired]
    public byte[] Content { get; set; } = [];

    /// <summary>The chosen mapping, or null when the user cancels.</summary>
    [Parameter]
    public EventCallback<CsvColumnMapping?> OnDone { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // Start from what the portal would do by itself: the team's remembered mapping or the recognised headers.
        _preview = await Mappings.PreviewAsync(Caller, AthleteId, Content);
        var m = _preview.Mapping;
        _relative = m.Time is null;
        _timeColumn = m.Time ?? m.ElapsedSeconds;
        (_heartRate, _power, _cadence, _altitude, _speed, _distance) = (m.HeartRate, m.Power, m.Cadence, m.Altitude, m.Speed, m.Distance);
        (_speedUnit, _distanceUnit, _sport) = (m.SpeedUnit, m.DistanceUnit, m.Sport);
    }

    private async Task SetAsync(Action change)
    {
        change();
        _startError = null;
        _preview = await Mappings.PreviewAsync(Caller, AthleteId, Content, Mapping());
    }

    private CsvColumnMapping Mapping()
    {
        DateTime? start = null;
        if (_relative && !string.IsNullOrWhiteSpace(_start))
        {
            if (DateTime.TryParseExact(_start.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"],
                CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                start = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            }
            else
            {
                _startError = $"\"{_start.Trim()}\" is not a date and time like 2026-03-14 07:30.";
            }
        }

        return new CsvColumnMapping
        {
            Time = _relative ? null : _timeColumn,
            ElapsedSeconds = _relative ? _timeColumn : null,
            StartTimeUtc = start,
            HeartRate = _heartRate,
            Power = _power,
            Cadence = _cadence,
            Altitude = _altitude,
            Speed = _speed,
            SpeedUnit = _speedUnit,
            Distance = _distance,
            DistanceUnit = _distanceUnit,
            Sport = _sport,
        };
    }

    private Task ImportAsync() => OnDone.InvokeAsync(Mapping());

    private RenderFragment Options() => builder =>
    {
        builder.OpenComponent<MudSelectItem<string>>(0);
        builder.AddAttribute(1, nameof(MudSelectItem<string>.Value), (string?)null);
        builder.AddAttribute(2, nameof(MudSelectItem<string>.ChildContent), (RenderFragment)(b => b.AddContent(0, "(none)")));
        builder.CloseComponent();
        foreach (var header in _preview?.Headers ?? [])
        {
            builder.OpenComponent<MudSelectItem<string>>(3);
            builder.SetKey(header);
            builder.AddAttribute(4, nameof(MudSelectItem<string>.Value), header);
            builder.CloseComponent();
        }
    };

    private static string SummaryText(ActivitySummary s)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"starts {s.StartTimeUtc:yyyy-MM-dd HH:mm} UTC") };
        if (s.ElapsedSeconds is { } secs)
        {
            parts.Add(TimeSpan.FromSeconds(Math.Round(secs)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture));
        }

        void Add(double? value, string format) { if (value is { } v) { parts.Add(string.Format(CultureInfo.InvariantCulture, format, v)); } }
        Add(s.AvgHeartRate, "avg HR {0:0} bpm");
        Add(s.AvgPower, "avg power {0:0} W");
        Add(s.AvgCadence, "avg cadence {0:0} rpm");
        Add(s.DistanceMeters / 1000, "{0:0.00} km");
        return string.Join(" · ", parts);
    }
}
