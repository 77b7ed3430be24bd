using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoachPortal.Web.Features.Plans.Templates;

/// <summary>One plan template: its load shape (blocks, first week, ramp, recovery weeks) and its sessions on days.</summary>
public partial class TemplatePage
{
    private static readonly string[] s_days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private TemplateForm? _form;
    private Guid _version;
    private bool _archived;
    private bool _notFound;
    private bool _dirty;
    private bool _saving;
    private PlanTemplateView? _conflict;
    private IReadOnlyList<ValidationError> _errors = [];
    private IReadOnlyList<PlanWeek> _weeks = [];
    private Dictionary<int, double> _plannedByWeek = [];
    private IReadOnlyList<ChartSeries>? _chart;
    private Dictionary<string, object?>? _chartOptions;
    private IReadOnlyList<WorkoutView> _library = [];
    private (int Week, int Day)? _adding;
    private int? _pickedWorkout;
    private SessionForm _newSession = new();

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Parameter]
    public int TemplateId { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    [Inject]
    private PlanTemplateService Templates { get; set; } = default!;

    [Inject]
    private WorkoutLibraryService Library { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Load(await Templates.GetAsync(Caller, TemplateId));
            _library = await Library.ListAsync(Caller);
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
        catch (ForbiddenException)
        {
            _notFound = true;
        }
    }

    private void Load(PlanTemplateView view)
    {
        _form = TemplateForm.From(view.Input);
        _version = view.Version;
        _archived = view.IsArchived;
        _conflict = null;
        _errors = [];
        _dirty = false;
        Recompute();
    }

    private void Changed()
    {
        _dirty = true;
        Recompute();
    }

    /// <summary>Week targets as the service will compute them, and the planned load per week, from what is on the page now.</summary>
    private void Recompute()
    {
        var shape = new PlanTemplate
        {
            FirstWeekTss = _form!.FirstWeekTss,
            RampPercentPerWeek = _form.RampPercentPerWeek,
            RecoveryEveryWeeks = Math.Max(0, _form.RecoveryEveryWeeks),
            RecoveryWeekFactor = _form.RecoveryPercent / 100.0,
            Blocks = _form.Blocks.Where(b => b.Weeks > 0).Select((b, i) => new PlanBlock { Order = i, Phase = b.Phase, Weeks = Math.Min(b.Weeks, PlanTemplateService.MaxWeeks) }).ToList(),
        };
        _weeks = PlanWeeks.Of(shape).Take(PlanTemplateService.MaxWeeks).ToList();
        _plannedByWeek = _form.Sessions
            .GroupBy(s => s.WeekIndex)
            .ToDictionary(g => g.Key, g => g.Sum(s => WorkoutParser.TryParse(s.Text, out var w, out _)
                ? WorkoutEstimator.Estimate(w!, s.Sport, AthleteTrainingProfile.Unknown).Tss
                : 0));
        _chart =
        [
            new ChartSeries("Target TSS", _weeks.Select(w => (object?)w.TargetTss).ToList()),
            new ChartSeries("Planned TSS", _weeks.Select(w => (object?)Math.Round(PlannedTss(w.Index))).ToList()),
        ];
        _chartOptions = new Dictionary<string, object?>
        {
            ["xaxis"] = new { categories = _weeks.Select(w => $"W{w.Index + 1} {w.Phase}").ToList() },
            ["yaxis"] = new { title = new { text = "TSS" } },
            ["dataLabels"] = new { enabled = false },
        };
    }

    private double PlannedTss(int week) => _plannedByWeek.GetValueOrDefault(week);

    private void AddBlock()
    {
        _form!.Blocks.Add(new BlockForm { Phase = _form.Blocks.Count == 0 ? PlanPhase.Base : PlanPhase.Build, Weeks = 3 });
        Changed();
    }

    private void MoveBlock(int index, int by)
    {
        var blocks = _form!.Blocks;
        (blocks[index], blocks[index + by]) = (blocks[index + by], blocks[index]);
        Changed();
    }

    private void RemoveBlock(int index)
    {
        _form!.Blocks.RemoveAt(index);
        Changed();
    }

    private void StartAdd(int week, int day)
    {
        _adding = (week, day);
        _pickedWorkout = null;
        _newSession = new SessionForm { Sport = _form!.Sport };
    }

    private void PickWorkout(int? workoutId)
    {
        _pickedWorkout = workoutId;
        if (_library.FirstOrDefault(w => w.Id == workoutId) is { } w)
        {
            _newSession = new SessionForm { Title = w.Name, Sport = w.Sport, Text = w.Text };
        }
    }

    private void AddSession()
    {
        if (string.IsNullOrWhiteSpace(_newSession.Title))
        {
            Snackbar.Add("Give the session a title.", Severity.Warning);
            return;
        }

        if (!WorkoutParser.TryParse(_newSession.Text, out _, out var error))
        {
            Snackbar.Add($"The workout does not parse: {error!.Message}", Severity.Warning);
            return;
        }

        var (week, day) = _adding!.Value;
        _form!.Sessions.Add(new PlanSessionInput(week, day, _newSession.Title.Trim(), _newSession.Sport.Trim(), _newSession.Text.Trim()));
        _adding = null;
        Changed();
    }

    private void RemoveSession(PlanSessionInput session)
    {
        _form!.Sessions.Remove(session);
        Changed();
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _version = await Templates.UpdateAsync(Caller, TemplateId, _form!.ToInput(), _version);
            _dirty = false;
            _conflict = null;
            _errors = [];
            Snackbar.Add("Template saved.", Severity.Success);
        }
        catch (ValidationFailedException ex)
        {
            _errors = ex.Errors;
        }
        catch (ConcurrencyConflictException ex)
        {
            // The form keeps the user's edit; the alert shows theirs and lets the user choose.
            _conflict = await Templates.GetAsync(Caller, TemplateId);
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task SaveOverTheirsAsync(PlanTemplateView theirs)
    {
        _version = theirs.Version;
        await SaveAsync();
    }

    private sealed class TemplateForm
    {
        public string Name { get; set; } = "";

        public string Sport { get; set; } = "";

        public string? Description { get; set; }

        public int? TeamId { get; init; }

        public double FirstWeekTss { get; set; }

        public double RampPercentPerWeek { get; set; }

        public int RecoveryEveryWeeks { get; set; }

        public int RecoveryPercent { get; set; }

        public List<BlockForm> Blocks { get; init; } = [];

        public List<PlanSessionInput> Sessions { get; init; } = [];

        public static TemplateForm From(PlanTemplateInput input) => new()
        {
            Name = input.Name,
            Sport = input.Sport,
            Description = input.Description,
            TeamId = input.TeamId,
            FirstWeekTss = input.FirstWeekTss,
            RampPercentPerWeek = input.RampPercentPerWeek,
            RecoveryEveryWeeks = input.RecoveryEveryWeeks,
            RecoveryPercent = (int)Math.Round(input.RecoveryWeekFactor * 100),
            Blocks = input.Blocks.Select(b => new BlockForm { Phase = b.Phase, Weeks = b.Weeks }).ToList(),
            Sessions = [.. input.Sessions],
        };

        public PlanTemplateInput ToInput() => new()
        {
            Name = Name,
            Sport = Sport,
            Description = Description,
            TeamId = TeamId,
            FirstWeekTss = FirstWeekTss,
            RampPercentPerWeek = RampPercentPerWeek,
            RecoveryEveryWeeks = RecoveryEveryWeeks,
            RecoveryWeekFactor = RecoveryPercent / 100.0,
            Blocks = Blocks.Select(b => new PlanBlockInput(b.Phase, b.Weeks)).ToList(),
            Sessions = [.. Sessions],
        };
    }

    private sealed class BlockForm
    {
        public PlanPhase Phase { get; set; }

        public int Weeks { get; set; }
    }

    private sealed class SessionForm
    {
        public string Title { get; set; } = "";

        public string Sport { get; set; } = "";

        public string Text { get; set; } = "";
    }
}
