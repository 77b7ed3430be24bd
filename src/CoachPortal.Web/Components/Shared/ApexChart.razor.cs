using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CoachPortal.Web.Components.Shared;

public partial class ApexChart
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IReadOnlyList<ChartSeries>? _renderedSeries;
    private object? _renderedOptions;

    /// <summary>A name for tests and screen readers.</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>ApexCharts chart type: line, area, bar, donut, radialBar…</summary>
    [Parameter]
    public string Type { get; set; } = "line";

    [Parameter]
    public int Height { get; set; } = 300;

    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries>? Series { get; set; }

    /// <summary>Labels for donut/pie charts (one per value of the single series).</summary>
    [Parameter]
    public IReadOnlyList<string>? Labels { get; set; }

    /// <summary>Further ApexCharts options merged over the defaults (axes, colours, annotations…).</summary>
    [Parameter]
    public Dictionary<string, object?>? Options { get; set; }

    [Parameter]
    public bool DarkMode { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Series is null)
        {
            return;
        }

        try
        {
            if (firstRender || _module is null)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Shared/ApexChart.razor.js");
                await _module.InvokeVoidAsync("render", _element, BuildOptions());
                Remember();
            }
            else if (!ReferenceEquals(_renderedSeries, Series) || !ReferenceEquals(_renderedOptions, Options))
            {
                await _module.InvokeVoidAsync("update", _element, SeriesPayload(), BuildOptions(includeSeries: false));
                Remember();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; there is no browser left to draw in.
        }
    }

    private void Remember()
    {
        _renderedSeries = Series;
        _renderedOptions = Options;
    }

    private object SeriesPayload() => IsCircular
        ? Series!.Count > 0 ? Series[0].Data : (IReadOnlyList<object?>)[]
        : Series!.Select(s => s.Type is null ? (object)new { name = s.Name, data = s.Data } : new { name = s.Name, type = s.Type, data = s.Data }).ToList();

    private bool IsCircular => Type is "donut" or "pie" or "radialBar" or "polarArea";

    internal Dictionary<string, object?> BuildOptions(bool includeSeries = true)
    {
        var options = new Dictionary<string, object?>
        {
            ["chart"] = new Dictionary<string, object?>
            {
                ["type"] = Type,
                ["height"] = Height,
                ["background"] = "transparent",
                ["toolbar"] = new { show = HasToolbar },
                ["animations"] = new { enabled = false },
                ["fontFamily"] = "Roboto, Helvetica, Arial, sans-serif",
            },
            ["theme"] = new { mode = DarkMode ? "dark" : "light" },
            ["noData"] = new { text = "No data yet" },
        };
        if (includeSeries)
        {
            options["series"] = SeriesPayload();
        }

        if (Labels is not null)
        {
            options["labels"] = Labels;
        }

        if (Options is not null)
        {
            foreach (var (key, value) in Options)
            {
                if (key == "chart" && value is Dictionary<string, object?> extra)
                {
                    var chart = (Dictionary<string, object?>)options["chart"]!;
                    foreach (var (k, v) in extra)
                    {
                        chart[k] = v;
                    }
                }
                else
                {
                    options[key] = value;
                }
            }
        }

        if (HasToolbar && options.TryGetValue("legend", out var legend) && legend is not null)
        {
            // The zoom toolbar sits at the top right; a top legend wraps under it on a phone. Below the plot it never meets it.
            options["legend"] = new { position = "bottom" };
        }

        return options;
    }

    private bool HasToolbar => Type is "line" or "area";

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("destroy", _element);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // Nothing to clean up in a browser that has gone.
        }
    }
}
