using System.Globalization;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Learning;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CoachPortal.Web.Features.Forecasting;

public sealed partial class ModelsPage
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(2);

    // Technique models are trained from labelled frames on the technique page, not from this form.
    private static readonly ForecastTarget[] s_formTargets = [.. Enum.GetValues<ForecastTarget>().Where(t => t != ForecastTarget.Technique)];

    private static readonly Dictionary<string, object?> s_lossOptions = new()
    {
        ["xaxis"] = new { title = new { text = "epoch" }, type = "numeric" },
        ["stroke"] = new { width = 2 },
    };

    private static readonly Dictionary<string, object?> s_testOptions = new()
    {
        ["xaxis"] = new { type = "category", tickAmount = 10 },
        ["stroke"] = new { width = 2 },
    };

    private IReadOnlyList<TeamSummary> _teams = [];
    private int _teamId;
    private IReadOnlyList<TrainingRun> _runs = [];
    private IReadOnlyList<ModelVersionView> _versions = [];
    private TrainingRun? _selectedRun;
    private ModelVersionView? _selectedVersion;
    private IReadOnlyList<ChartSeries> _lossSeries = [];
    private IReadOnlyList<ChartSeries> _testSeries = [];
    private SessionClassConfusion? _confusion;
    private TrainingRunInput _input = new();
    private bool _busy;
    private bool _isDemoTeam;
    private bool _ready;

    /// <summary>The team to open with (from a link such as /models?team=3); the first team when absent or not visible.</summary>
    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "team")]
    public int? TeamQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _teams = await Teams.ListAsync(Caller);
        _teamId = TeamQuery is { } wanted && _teams.Any(t => t.Id == wanted) ? wanted : _teams.Count > 0 ? _teams[0].Id : 0;
        await ReloadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ready = true;
            StateHasChanged();
        }
    }

    private bool AnyRunActive() => _runs.Any(r => r.Status is TrainingRunStatus.Queued or TrainingRunStatus.Running);

    private async Task ReloadAsync()
    {
        if (_teamId == 0)
        {
            return;
        }

        _runs = await Models.ListRunsAsync(Caller, _teamId);
        _isDemoTeam = await DemoSeeder.IsDemoTeamAsync(_teamId);
        _versions = await Models.ListVersionsAsync(Caller, _teamId);
        if (_selectedRun is not null)
        {
            SelectRun(_runs.FirstOrDefault(r => r.Id == _selectedRun.Id) ?? _selectedRun);
        }
        else if (_runs.Count > 0)
        {
            SelectRun(_runs[0]);
        }

        StateHasChanged();
    }

    private async Task TeamChangedAsync(int teamId)
    {
        _teamId = teamId;
        _selectedRun = null;
        _selectedVersion = null;
        await ReloadAsync();
    }

    private void SelectRun(TrainingRun run)
    {
        _selectedRun = run;
        var points = run.LossHistory.Points;
        _lossSeries =
        [
            new ChartSeries("training loss", [.. points.Select(p => (object?)new { x = p.Epoch, y = p.TrainingLoss })]),
            new ChartSeries("validation loss", [.. points.Select(p => (object?)new { x = p.Epoch, y = p.ValidationLoss })]),
        ];
    }

    private void SelectVersion(ModelVersionView version)
    {
        _selectedVersion = version;
        _confusion = null;
        _testSeries = [];
        if (version.Target == ForecastTarget.Technique)
        {
            return;
        }

        if (version.TestSeries.Confusion is { } confusion)
        {
            _confusion = confusion;
            return;
        }

        var rows = version.TestSeries.Points;
        var athlete = rows.Count > 0 ? rows[0].AthleteId : 0;
        var mine = rows.Where(r => r.AthleteId == athlete).ToList();
        object? Point(TestSeriesPoint r, double y) => new { x = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), y };
        _testSeries =
        [
            new ChartSeries("actual", [.. mine.Select(r => Point(r, r.Actual))]),
            new ChartSeries("model", [.. mine.Select(r => Point(r, r.Predicted))]),
            new ChartSeries(version.BestBaselineName, [.. mine.Select(r => Point(r, r.Baseline))]),
        ];
    }

    private async Task StartAsync()
    {
        _busy = true;
        _input.TeamId = _teamId;
        if (!Caller.IsAdmin)
        {
            _input.Scope = ModelScope.Team;
        }

        await Snackbar.TryAsync(async () => await Models.StartTrainingAsync(Caller, _input), "Training queued.");
        _busy = false;
        await ReloadAsync();
    }

    // "model mae 0.512, rmse 0.700 · ewma mae 0.530, rmse 0.721 · …", lower is better for each.
    private static string MetricsLine(ModelMetrics metrics)
    {
        static string Values(IReadOnlyDictionary<string, double> values) =>
            string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value:F3}")));
        return string.Join(" · ", metrics.Baselines.Select(b => $"{b.Key} {Values(b.Value)}").Prepend($"model {Values(metrics.Model)}"));
    }

    private static string TargetName(ForecastTarget target) => target switch
    {
        ForecastTarget.InjuryRisk => "Injury risk",
        ForecastTarget.SessionClass => "Session class",
        ForecastTarget.Technique => "Technique",
        _ => target.ToString(),
    };

    // The session CNN and the session-class target go together; the forecasters take the daily targets.
    private void TargetChanged(ForecastTarget target)
    {
        _input.Target = target;
        if (target == ForecastTarget.SessionClass)
        {
            UseCnnDefaults();
        }
        else if (_input.Architecture == ModelKind.SessionCnn)
        {
            _input.Architecture = ModelKind.GruForecaster;
        }
    }

    // A team has a few hundred labelled sessions, not thousands of days: smaller batches and more epochs.
    private void UseCnnDefaults()
    {
        if (_input.Architecture == ModelKind.SessionCnn)
        {
            return;
        }

        _input.Architecture = ModelKind.SessionCnn;
        _input.Target = ForecastTarget.SessionClass;
        _input.Epochs = 20;
        _input.BatchSize = 16;
        _input.LearningRate = 5e-3;
    }

    private void ArchitectureChanged(ModelKind kind)
    {
        if (kind == ModelKind.SessionCnn)
        {
            UseCnnDefaults();
            return;
        }

        _input.Architecture = kind;
        if (_input.Target == ForecastTarget.SessionClass)
        {
            _input.Target = ForecastTarget.Readiness;
        }
    }

    private async Task TrainDemoAsync()
    {
        _busy = true;
        await Snackbar.TryAsync(async () =>
        {
            await DemoSeeder.SeedHistoryAsync(Caller, _teamId);
            await Models.TrainDefaultModelsAsync(Caller, _teamId);
        }, "Simulated demo history added (marked as simulated); one model per forecast and the session classifier are training.");
        _busy = false;
        await ReloadAsync();
    }

    private async Task TrainOwnDataAsync()
    {
        _busy = true;
        await Snackbar.TryAsync(() => Models.TrainDefaultModelsAsync(Caller, _teamId), "One model per forecast and the session classifier are training on this team's records.");
        _busy = false;
        await ReloadAsync();
    }

    private async Task CancelAsync(int runId)
    {
        await Snackbar.TryAsync(() => Models.CancelAsync(Caller, runId), "Cancellation requested.");
        await ReloadAsync();
    }

    private async Task PromoteAsync((ModelVersionView Version, string? Reason) promotion)
    {
        var version = promotion.Version;
        await Snackbar.TryAsync(() => Models.PromoteAsync(Caller, version.Id, promotion.Reason), $"Version {version.Id} is active; scoring queued.");
        await ReloadAsync();
    }

    private async Task RollBackAsync(int versionId)
    {
        await Snackbar.TryAsync(() => Models.RollBackAsync(Caller, versionId), "Rolled back.");
        await ReloadAsync();
    }

    private async Task ScoreNowAsync()
    {
        await Snackbar.TryAsync(() =>
        {
            Models.ScoreNow(Caller);
            return Task.CompletedTask;
        }, "Scoring queued.");
    }
}
