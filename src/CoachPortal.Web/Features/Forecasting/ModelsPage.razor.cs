using System.Globalization;
using System.Text.Json;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CoachPortal.Web.Features.Forecasting;

public sealed partial class ModelsPage
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(2);

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
    private string? _overrideReason;
    private bool _busy;
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
        var points = JsonSerializer.Deserialize<double?[][]>(run.LossHistoryJson) ?? [];
        _lossSeries =
        [
            new ChartSeries("training loss", [.. points.Select(p => (object?)new { x = p[0], y = p[1] })]),
            new ChartSeries("validation loss", [.. points.Select(p => (object?)new { x = p[0], y = p[2] })]),
        ];
    }

    private void SelectVersion(ModelVersionView version)
    {
        _selectedVersion = version;
        _confusion = null;
        _testSeries = [];
        if (version.Target == ForecastTarget.SessionClass)
        {
            _confusion = JsonSerializer.Deserialize<SessionClassConfusion>(version.TestSeriesJson);
            return;
        }

        using var doc = JsonDocument.Parse(version.TestSeriesJson);
        var rows = doc.RootElement.EnumerateArray().ToList();
        var athlete = rows.Count > 0 ? rows[0].GetProperty("athleteId").GetInt32() : 0;
        var mine = rows.Where(r => r.GetProperty("athleteId").GetInt32() == athlete).ToList();
        object? Point(JsonElement r, string name) => new { x = r.GetProperty("date").GetString(), y = r.GetProperty(name).GetDouble() };
        _testSeries =
        [
            new ChartSeries("actual", [.. mine.Select(r => Point(r, "actual"))]),
            new ChartSeries("model", [.. mine.Select(r => Point(r, "predicted"))]),
            new ChartSeries(version.BestBaselineName, [.. mine.Select(r => Point(r, "baseline"))]),
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

    // The registry's evidence: the MAE ratio (or AUC) on the test period with its athlete-bootstrap 95 % interval.
    private static string Evidence(ModelVersionView version) => version.Promotion switch
    {
        null => "not judged by the interval rule",
        { Verdict: PromotionVerdict.NotEnoughEvidence } p => $"not enough evidence ({p.Events} {(version.Target == ForecastTarget.InjuryRisk ? "event days" : "samples")}, {p.Athletes} athletes)",
        { } p when version.Target == ForecastTarget.InjuryRisk => string.Create(CultureInfo.InvariantCulture, $"AUC {p.Estimate:F2} (95 % {p.Low:F2}–{p.High:F2}), Brier skill {p.BrierSkill:F2}"),
        { } p => string.Create(CultureInfo.InvariantCulture, $"× {p.Estimate:F3} of the baseline (95 % {p.Low:F3}–{p.High:F3})"),
    };

    private static string TargetName(ForecastTarget target) => target switch
    {
        ForecastTarget.InjuryRisk => "Injury risk",
        ForecastTarget.SessionClass => "Session class",
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
            await Models.TrainDemoModelsAsync(Caller, _teamId);
        }, "Demo history added; one model per forecast and the session classifier are training.");
        _busy = false;
        await ReloadAsync();
    }

    private async Task CancelAsync(int runId)
    {
        await Snackbar.TryAsync(() => Models.CancelAsync(Caller, runId), "Cancellation requested.");
        await ReloadAsync();
    }

    private async Task PromoteAsync(ModelVersionView version)
    {
        await Snackbar.TryAsync(() => Models.PromoteAsync(Caller, version.Id, _overrideReason), $"Version {version.Id} is active; scoring queued.");
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
