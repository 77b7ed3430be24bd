using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CoachPortal.Web.Features.Media;

public partial class MediaComparePage
{
    private readonly Dictionary<string, object?> _chartOptions = new()
    {
        ["xaxis"] = new { type = "numeric", title = new { text = "s from the lined-up moment" }, decimalsInFloat = 2 },
        ["yaxis"] = new { min = 0, max = 180, title = new { text = "degrees" } },
        ["stroke"] = new { width = 2 },
        ["markers"] = new { size = 0 },
        ["annotations"] = new { xaxis = new[] { new { x = 0, borderColor = "#757575", label = new { text = "lined up" } } } },
    };

    private IJSObjectReference? _module;
    private List<Side> _sides = [];
    private List<ChartSeries> _series = [];
    private bool _notFound;
    private bool _ready;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    [SupplyParameterFromQuery(Name = "left")]
    public int Left { get; set; }

    [SupplyParameterFromQuery(Name = "right")]
    public int Right { get; set; }

    /// <summary>The moment the left clip is lined up on (an <see cref="AlignmentEvent.Key"/>); the default when absent.</summary>
    [SupplyParameterFromQuery(Name = "leftEvent")]
    public string? LeftEvent { get; set; }

    [SupplyParameterFromQuery(Name = "rightEvent")]
    public string? RightEvent { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _sides = [await LoadAsync("left", Left, LeftEvent), await LoadAsync("right", Right, RightEvent)];
            Chart();
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    // Every read goes through the services, which answer "not found" for a clip the caller may not see.
    private async Task<Side> LoadAsync(string key, int id, string? eventKey)
    {
        var item = await Media.ClipAsync(Caller, id);
        var analysis = await Analysis.AnalyseAsync(Caller, id);
        var events = ClipAlignment.Events(analysis, await Analysis.LabelsAsync(Caller, id));
        var chosen = events.FirstOrDefault(e => e.Key == eventKey) ?? ClipAlignment.Default(events);
        return new Side(key, id, item, analysis, events) { Event = chosen };
    }

    private void Chart()
    {
        _series = [.. _sides.Where(s => s.Analysis is not null).Select(s =>
        {
            var a = s.Analysis!;
            var degrees = a.AnglesDegrees[a.RepetitionJoint];
            var points = degrees.Select((v, i) => (object?)new object?[] { Math.Round((i - s.Event.Frame) / a.FramesPerSecond, 3), double.IsNaN(v) ? null : v });
            return new ChartSeries($"{(s.Key == "left" ? "Left" : "Right")}: {s.Item.Name} · {JointNames.Of(a.RepetitionJoint)}", [.. points]);
        })];
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_sides.Count != 2 || _module is not null)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Media/MediaComparePage.razor.js");
            // One argument, the array: passed bare, an array of objects would be taken as the argument list.
            object sides = _sides.Select(s => new { video = s.Video, canvas = s.Canvas, counter = s.Counter, mediaId = s.Id, fps = s.Analysis?.FramesPerSecond ?? 30 }).ToArray();
            await _module.InvokeVoidAsync("init", sides);
            foreach (var side in _sides)
            {
                await _module.InvokeVoidAsync("align", side.Video, side.Event.Frame, side.Key == "left");
            }

            _ready = true;
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The page has gone.
        }
    }

    private async Task AlignAsync(Side side, string key)
    {
        side.Event = side.Events.FirstOrDefault(e => e.Key == key) ?? side.Event;
        Chart();
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("align", side.Video, side.Event.Frame, side.Key == "left");
        }
    }

    private async Task StepAsync(int frames)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("stepBoth", frames);
        }
    }

    private async Task ToggleAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("toggleBoth");
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser has gone.
            }
        }
    }

    private sealed class Side(string key, int id, ClipChoice item, MotionAnalysis? analysis, IReadOnlyList<AlignmentEvent> events)
    {
        public string Key { get; } = key;

        public int Id { get; } = id;

        public ClipChoice Item { get; } = item;

        public MotionAnalysis? Analysis { get; } = analysis;

        public IReadOnlyList<AlignmentEvent> Events { get; } = events;

        public AlignmentEvent Event { get; set; } = events[0];

        public ElementReference Video { get; set; }

        public ElementReference Canvas { get; set; }

        public ElementReference Counter { get; set; }
    }
}
