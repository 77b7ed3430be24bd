using CoachPortal.Core.Load;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Security;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CoachPortal.Web.Features.Load;

/// <summary>An athlete's training-load, performance and wellness charts; reloads when the recompute job finishes.</summary>
public partial class AthleteDashboard
{
    private static readonly (int Days, string Label)[] s_ranges = [(42, "6 wk"), (91, "3 mo"), (182, "6 mo"), (365, "1 yr")];
    private static readonly Dictionary<string, object?> s_acwrOptions = DashboardCharts.AcwrOptions();
    private static readonly Dictionary<string, object?> s_wellnessOptions = DashboardCharts.TimeAxis("scale");
    private static readonly Dictionary<string, object?> s_physiologyOptions = DashboardCharts.TimeAxis("bpm / ms");

    // Only what is drawn stays on the circuit: the series, not the loads and check-ins they were built from.
    private AthleteLoadContext? _context;
    private bool _hasLoads;
    private bool _hasAcwr;
    private IReadOnlyList<ChartSeries>? _pmc;
    private Dictionary<string, object?>? _pmcOptions;
    private IReadOnlyList<ChartSeries>? _acwr;
    private IReadOnlyList<ChartSeries> _weekly = [];
    private Dictionary<string, object?>? _weeklyOptions;
    private HeartRateZoneSummary? _zones;
    private IReadOnlyList<ChartSeries>? _zoneSeries;
    private IReadOnlyList<string>? _zoneLabels;
    private MeanMaximalSummary? _curves;
    private IReadOnlyList<PerformanceModelView> _models = [];
    private string? _modelKind;
    private IReadOnlyList<ChartSeries>? _modelSeries;
    private Dictionary<string, object?>? _modelOptions;
    private bool _hasCheckIns;
    private IReadOnlyList<ChartSeries>? _wellness;
    private IReadOnlyList<ChartSeries>? _physiology;
    private bool _notFound;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Inject]
    private AthleteDashboardService Dashboard { get; set; } = default!;

    [Parameter, EditorRequired]
    public int AthleteId { get; set; }

    /// <summary>Shown above the dashboard only once the athlete is found and visible to the caller.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private int RangeDays { get; set; } = 91;

    private PerformanceModelView? SelectedModel => _models.FirstOrDefault(m => m.Kind == _modelKind);

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task SetRangeAsync(int days)
    {
        RangeDays = days;
        await LoadAsync();
    }

    private void SelectModel(string kind)
    {
        _modelKind = kind;
        BuildModelChart();
    }

    private async Task LoadAsync()
    {
        AthleteDashboardView view;
        try
        {
            view = await Dashboard.GetAsync(Caller, AthleteId, RangeDays);
        }
        catch (NotFoundException)
        {
            _notFound = true;
            return;
        }

        _context = view.Context;
        _hasLoads = view.Loads.Count > 0;
        _hasAcwr = view.Loads.Any(l => l.AcwrRolling is not null || l.AcwrEwma is not null);
        _pmc = DashboardCharts.Pmc(view.Loads, _context.Metric);
        _pmcOptions = DashboardCharts.TimeAxis($"{DashboardCharts.Unit(_context.Metric)} per day");
        _acwr = DashboardCharts.Acwr(view.Loads);
        _weekly = DashboardCharts.WeeklyBySport(view.WeeklyBySport, _context.Metric);
        _weeklyOptions = DashboardCharts.StackedWeeks(DashboardCharts.Unit(_context.Metric));
        _zones = view.Zones;
        (_zoneSeries, _zoneLabels) = _zones is null ? (null, null) : DashboardCharts.HeartRateZones(_zones);
        _curves = view.Curves;
        _models = view.PerformanceModels;
        if (_modelKind is null || SelectedModel is null)
        {
            _modelKind = _models.OrderByDescending(m => m.Results.Count).FirstOrDefault()?.Kind;
        }

        BuildModelChart();
        _hasCheckIns = view.CheckIns.Count > 0;
        _wellness = DashboardCharts.WellnessScales(view.CheckIns);
        _physiology = DashboardCharts.Physiology(view.CheckIns);
    }

    private void BuildModelChart()
    {
        if (SelectedModel is { } model)
        {
            _modelSeries = DashboardCharts.Performance(model);
            _modelOptions = DashboardCharts.PerformanceOptions(model.Unit, model.HigherIsBetter);
        }
    }
}
