using System.Globalization;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Projection;
using CoachPortal.Core.Security;
using CoachPortal.Web.Components.Shared;
using CoachPortal.Web.Features.Load;
using CoachPortal.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoachPortal.Web.Features.Plans.Projection;

/// <summary>
/// CTL/ATL/TSB and ACWR from today to the event under the athlete's plan, with a what-if scratch copy: each change is
/// projected again on the server for this one athlete, in-process, and the charts update in place.
/// </summary>
public partial class ProjectionPanel
{
    private static readonly double[] s_factors = [0.5, 0.75, 1, 1.25, 1.5];
    private static readonly int s_historyDaysShown = 28;

    private readonly PlanWhatIf _whatIf = new();
    private PlanProjection? _stored;
    private PlanProjection? _current;
    private IReadOnlyList<PlannedSessionView> _sessions = [];
    private IReadOnlyList<ChartSeries>? _pmc;
    private IReadOnlyList<ChartSeries>? _acwr;
    private Dictionary<string, object?>? _pmcOptions;
    private Dictionary<string, object?>? _acwrOptions;
    private int? _loadedAthlete;
    private int _computations;
    private bool _saving;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [CascadingParameter]
    private DisplayFormat Format { get; set; } = DisplayFormat.Current;

    [Inject]
    private PlanProjectionService Projections { get; set; } = default!;

    [Inject]
    private PlanCalendarService Calendar { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public int AthleteId { get; set; }

    /// <summary>Whether the what-if editor is offered (coaches); the service still checks on apply.</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedAthlete != AthleteId)
        {
            _loadedAthlete = AthleteId;
            _whatIf.Reset();
            await LoadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        if (_saving)
        {
            return;
        }

        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>The stored plan's projection and sessions; edits of sessions that no longer exist are dropped from the scratch copy.</summary>
    private async Task LoadAsync()
    {
        try
        {
            _stored = await Projections.ProjectAsync(Caller, AthleteId);
            var to = _stored.EventDate ?? _stored.Days[^1].Date;
            var view = await Calendar.GetAthleteAsync(Caller, AthleteId, _stored.Today, to);
            _sessions = view.Planned.Where(p => p.Status == PlannedSessionStatus.Planned).ToList();
            foreach (var edit in _whatIf.Edits.Where(e => _sessions.All(s => s.Id != e.PlannedSessionId)))
            {
                _whatIf.Reset(edit.PlannedSessionId);
            }

            await RecomputeAsync();
        }
        catch (NotFoundException)
        {
            _stored = null;
            _sessions = [];
        }
    }

    private async Task RecomputeAsync()
    {
        _current = _whatIf.HasEdits ? await Projections.ProjectAsync(Caller, AthleteId, _whatIf.Edits) : _stored;
        _computations++;
        BuildCharts();
    }

    private void BuildCharts()
    {
        if (_current is null)
        {
            return;
        }

        var from = _current.Today.AddDays(-s_historyDaysShown);
        var days = _current.Days.Where(d => d.Date >= from).ToList();
        var series = new List<ChartSeries>
        {
            new("CTL fitness (load/d)", days.Select(d => Point(d.Date, d.Ctl)).ToList()),
            new("ATL fatigue (load/d)", days.Select(d => Point(d.Date, d.Atl)).ToList()),
            new("TSB form (load/d)", days.Select(d => Point(d.Date, d.Tsb)).ToList()),
        };
        if (_whatIf.HasEdits && _stored is not null)
        {
            series.Add(new("CTL as planned (load/d)", _stored.Days.Where(d => d.Date >= from).Select(d => Point(d.Date, d.Ctl)).ToList()));
        }

        _pmc = series;
        _acwr = [new ChartSeries("ACWR rolling 7:28 (ratio)", days.Select(d => Point(d.Date, d.Acwr)).ToList())];
        _pmcOptions = DashboardCharts.TimeAxis("load per day");
        _pmcOptions["annotations"] = Markers(_current);
        _acwrOptions ??= DashboardCharts.AcwrOptions();
    }

    private static object Markers(PlanProjection projection)
    {
        var lines = new List<object> { new { x = Millis(projection.Today), borderColor = "#888", label = new { text = "today" } } };
        if (projection.EventDate is { } e)
        {
            lines.Add(new { x = Millis(e), borderColor = "#d32f2f", label = new { text = projection.EventName ?? "event" } });
        }

        return new { xaxis = lines };
    }

    private static long Millis(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static object Point(DateOnly date, double? value) =>
        new { x = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), y = value is { } v && double.IsFinite(v) ? Math.Round(v, 1) : (double?)null };

    private static double? MaxAcwr(PlanProjection? projection) =>
        projection?.Days.Where(d => d.IsPlanned && d.Acwr is not null).Select(d => d.Acwr!.Value).DefaultIfEmpty(double.NaN).Max() is { } m && double.IsFinite(m) ? m : null;

    private string Minutes(double seconds) => string.Create(Format.Culture, $"{Math.Round(seconds / 60):0} min");

    private string Predicted(PerformancePrediction p) =>
        $"{p.Kind}: {Format.TestResult(p.Value, p.Unit)} predicted on event day (Banister fit, R² {Format.Number(p.RSquared, "0.00")})";

    private double FactorOf(PlannedSessionView session)
    {
        if (_whatIf.EditOf(session.Id)?.NewText is not { } text || !WorkoutParser.TryParse(text, out var workout, out _))
        {
            return 1;
        }

        var seconds = workout!.Flatten().Sum(s => s.DurationSeconds ?? 0);
        var before = WorkoutParser.Parse(session.Text).Flatten().Sum(s => s.DurationSeconds ?? 0);
        var ratio = before > 0 ? seconds / before : 1;
        return s_factors.MinBy(f => Math.Abs(f - ratio));
    }

    private async Task ShiftAsync(PlannedSessionView session, int days)
    {
        _whatIf.Move(session, (_whatIf.EditOf(session.Id)?.NewDate ?? session.Date).AddDays(days));
        await RecomputeAsync();
    }

    private async Task ScaleAsync(PlannedSessionView session, double factor)
    {
        _whatIf.ScaleDuration(session, factor);
        await RecomputeAsync();
    }

    private async Task DropAsync(PlannedSessionView session, bool drop)
    {
        _whatIf.Drop(session, drop);
        await RecomputeAsync();
    }

    private async Task ResetAsync(int? plannedSessionId)
    {
        _whatIf.Reset(plannedSessionId);
        await RecomputeAsync();
    }

    private async Task ApplyAsync()
    {
        _saving = true;
        try
        {
            var versions = _sessions.ToDictionary(s => s.Id, s => s.Version);
            await Calendar.ApplyEditsAsync(Caller, AthleteId, _whatIf.Edits, versions);
            Snackbar.Add($"{_whatIf.Edits.Count} change(s) saved to the plan.", Severity.Success);
            _whatIf.Reset();
        }
        catch (ConcurrencyConflictException ex)
        {
            Snackbar.Add($"{ex.Message} Your what-if changes are kept on the latest plan: check them and apply again.", Severity.Warning);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _saving = false;
        }

        await LoadAsync();
    }
}
