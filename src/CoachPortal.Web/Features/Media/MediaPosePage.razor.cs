using System.Globalization;
using CoachPortal.Analytics.Pose;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CoachPortal.Web.Features.Media;

public partial class MediaPosePage
{
    private static readonly (Joint Joint, string Name)[] s_charted =
    [
        (Joint.LeftKnee, "Knee (L)"), (Joint.RightKnee, "Knee (R)"), (Joint.LeftHip, "Hip (L)"), (Joint.LeftAnkle, "Ankle (L)"),
        (Joint.LeftElbow, "Elbow (L)"), (Joint.LeftShoulder, "Shoulder (L)"), (Joint.TrunkLean, "Trunk lean"),
    ];

    private ElementReference _video;
    private ElementReference _canvas;
    private ElementReference _counter;
    private IReadOnlyList<ClipChoice> _choices = [];
    private int? _compareWith;
    private int _model = 1;
    private int _inputWidth;
    private IJSObjectReference? _module;
    private DotNetObjectReference<MediaPosePage>? _self;
    private ApexChart? _chart;
    private MediaItem? _item;
    private MotionAnalysis? _analysis;
    private IReadOnlyList<FrameLabelView> _labels = [];
    private List<ChartSeries> _series = [];
    private Dictionary<string, object?>? _chartOptions;
    private PoseRun? _lastRun;
    private bool _notFound;
    private bool _ready;
    private bool _running;
    private string _progress = "";
    private double _fps = 30;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    [Parameter]
    public int Id { get; set; }

    /// <summary>BlazePose's model complexity: 1 full (default), 0 lite; <c>?model=0</c> picks it from the address.</summary>
    [SupplyParameterFromQuery(Name = "model")]
    public int? Model { get; set; }

    /// <summary>Width the frames are scaled to before pose (0: as recorded); <c>?input=640</c>.</summary>
    [SupplyParameterFromQuery(Name = "input")]
    public int? InputWidth { get; set; }

    protected override void OnInitialized()
    {
        _model = Model is 0 ? 0 : 1;
        _inputWidth = InputWidth is 320 or 640 ? InputWidth.Value : 0;
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _item = await Media.GetAsync(Caller, Id);
            _choices = _item.Kind == MediaKind.Video ? await Media.CompareChoicesAsync(Caller, Id) : [];
            await LoadAnalysisAsync();
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_item is null || _module is not null)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Media/MediaPosePage.razor.js");
            var rate = await _module.InvokeAsync<FrameRate?>("attach", _video, _canvas, Id, _fps, _counter);
            if (rate is not null)
            {
                _fps = rate.Fps;
            }

            _ready = true;
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The page has gone.
        }
    }

    private async Task LoadAnalysisAsync()
    {
        _analysis = await Analysis.AnalyseAsync(Caller, Id);
        _labels = await Analysis.LabelsAsync(Caller, Id);
        if (_analysis is null)
        {
            return;
        }

        _fps = _analysis.FramesPerSecond;
        _series = [.. s_charted.Select(c => new ChartSeries(c.Name, Points(_analysis.AnglesDegrees[c.Joint], _analysis.FramesPerSecond)))];
        _chartOptions = new Dictionary<string, object?>
        {
            ["xaxis"] = new { type = "numeric", title = new { text = "s" }, decimalsInFloat = 1 },
            ["yaxis"] = new { min = 0, max = 180, title = new { text = "degrees" } },
            ["stroke"] = new { width = 2 },
            ["markers"] = new { size = 0 },
            ["annotations"] = new { xaxis = _labels.Select(l => new { x = l.TimeSeconds, borderColor = l.Label == FrameLabels.Good ? "#43a047" : "#fb8c00", label = new { text = l.Label } }).ToArray() },
        };
    }

    private static List<object?> Points(double[] degrees, double fps) =>
        [.. degrees.Select((v, i) => (object?)new object?[] { Math.Round(i / fps, 3), double.IsNaN(v) ? null : v })];

    private async Task RunPoseAsync()
    {
        if (_module is null)
        {
            return;
        }

        _running = true;
        _progress = "Loading the pose model…";
        _self ??= DotNetObjectReference.Create(this);
        try
        {
            _lastRun = await _module.InvokeAsync<PoseRun>("runPose", TimeSpan.FromMinutes(30), _video, _self, _fps, _model, _inputWidth);
            await LoadAnalysisAsync();
            await _module.InvokeVoidAsync("reload", _video);
            Snackbar.Add(string.Create(CultureInfo.InvariantCulture, $"Pose tracked: {_lastRun.Frames} frames at {_lastRun.Fps:0.0} fps."), Severity.Success);
        }
        catch (JSException ex)
        {
            Snackbar.Add($"Pose tracking failed in this browser: {ex.Message}", Severity.Error);
        }
        finally
        {
            _running = false;
        }
    }

    [JSInvokable]
    public Task PoseProgress(int done, int total)
    {
        _progress = $"Frame {done} of {total}";
        return InvokeAsync(StateHasChanged);
    }

    private async Task StepAsync(int frames)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("step", _video, frames);
        }
    }

    private async Task SetFpsAsync(double fps)
    {
        _fps = fps;
        if (_module is not null && fps > 0)
        {
            await _module.InvokeVoidAsync("setFps", _video, fps);
        }
    }

    // Loaded in full, like this page: in-app navigation would keep this page's script policy.
    private void OpenCompare() => Navigation.NavigateTo($"/media/compare?left={Id}&right={_compareWith}", forceLoad: true);

    private async Task ToggleAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("toggle", _video);
        }
    }

    private async Task SeekAsync(double seconds)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("seek", _video, seconds);
        }
    }

    private async Task LabelAsync(string label)
    {
        if (_module is null)
        {
            return;
        }

        var (frame, seconds) = await _module.InvokeAsync<FramePosition>("currentFrame", _video);
        if (await Snackbar.TryAsync(() => Analysis.AddLabelAsync(Caller, Id, new FrameLabelInput(frame, seconds, label)), $"Frame {frame} labelled {label}."))
        {
            await LoadAnalysisAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        _self?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _video);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser has gone.
            }
        }
    }

    /// <summary>What a pose run reports: frames processed, wall time, throughput and frames where a person was found.</summary>
    public sealed record PoseRun(int Frames, double Seconds, double Fps, int Found, double FirstFrameSeconds);

    /// <summary>The clip's frame rate as the page's script knows it, and whether it measured it.</summary>
    public sealed record FrameRate(double Fps, bool Measured);

    /// <summary>The frame on screen and its start in seconds.</summary>
    public sealed record FramePosition(int Frame, double Seconds);
}
