using CoachPortal.Analytics.Sessions;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoachPortal.Web.Features.Plans.Workouts;

/// <summary>The coach's workout library: list by sport, write in the text syntax or the step editor, preview, save.</summary>
public partial class WorkoutsPage
{
    private static readonly string[] s_sports = [SessionSports.Running, SessionSports.Cycling, SessionSports.Swimming, SessionSports.Other];

    private bool _loaded;
    private bool _showArchived;
    private IReadOnlyList<WorkoutView> _workouts = [];
    private IReadOnlyList<TeamSummary> _teams = [];
    private List<AthleteSummary> _athletes = [];
    private WorkoutForm? _form;
    private int? _editingId;
    private Guid _version;
    private bool _archived;
    private bool _stepMode;
    private bool _showSyntax;
    private int _stepEditorKey;
    private bool _saving;
    private int? _estimateFor;
    private AthleteTrainingProfile _profile = AthleteTrainingProfile.Unknown;
    private WorkoutView? _conflict;
    private IReadOnlyList<ValidationError> _errors = [];

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Inject]
    private WorkoutLibraryService Library { get; set; } = default!;

    [Inject]
    private TeamService Teams { get; set; } = default!;

    [Inject]
    private AthleteService Athletes { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _teams = await Teams.ListAsync(Caller);
        foreach (var team in _teams)
        {
            _athletes.AddRange(await Athletes.ListForTeamAsync(Caller, team.Id));
        }

        await ReloadAsync();
        _loaded = true;
    }

    private async Task ReloadAsync() => _workouts = await Library.ListAsync(Caller, _showArchived);

    private async Task ShowArchivedAsync(bool value)
    {
        _showArchived = value;
        await ReloadAsync();
    }

    private void StartNew()
    {
        _editingId = null;
        _version = Guid.Empty;
        _archived = false;
        _form = new WorkoutForm { Sport = s_sports[0], TeamId = _teams.Count == 1 ? _teams[0].Id : null, Text = "10m warmup @Z1; 5x(3m @Z4, 2m recovery @Z1); 10m cooldown @Z1" };
        ResetEditor();
    }

    private void Open(WorkoutView workout)
    {
        _editingId = workout.Id;
        _version = workout.Version;
        _archived = workout.IsArchived;
        _form = WorkoutForm.From(workout);
        ResetEditor();
    }

    private void ResetEditor()
    {
        _conflict = null;
        _errors = [];
        _stepEditorKey++;
    }

    private void ShowSteps()
    {
        _stepMode = true;
        _stepEditorKey++;
    }

    private void OnTextChanged(string text) => _form!.Text = text;

    private void OnStepsChanged(string text) => _form!.Text = text;

    private async Task EstimateForAsync(int? athleteId)
    {
        _estimateFor = athleteId;
        _profile = athleteId is { } id
            ? (await Athletes.GetAsync(Caller, id)).TrainingProfile()
            : AthleteTrainingProfile.Unknown;
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var input = _form!.ToInput();
            if (_editingId is { } id)
            {
                _version = await Library.UpdateAsync(Caller, id, input, _version);
            }
            else
            {
                _editingId = await Library.CreateAsync(Caller, input);
                _version = (await Library.ListAsync(Caller, includeArchived: true)).First(w => w.Id == _editingId).Version;
            }

            _conflict = null;
            _errors = [];
            Snackbar.Add($"Saved {input.Name}.", Severity.Success);
            await ReloadAsync();
        }
        catch (ValidationFailedException ex)
        {
            _errors = ex.Errors;
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep the user's form untouched and show what the other save holds, so nothing is lost either way.
            _conflict = (await Library.ListAsync(Caller, includeArchived: true)).FirstOrDefault(w => w.Id == _editingId);
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

    private async Task SaveOverTheirsAsync(WorkoutView theirs)
    {
        _version = theirs.Version;
        await SaveAsync();
    }

    private async Task ArchiveAsync()
    {
        var archive = !_archived;
        if (await Snackbar.TryAsync(() => Library.SetArchivedAsync(Caller, _editingId!.Value, archive), archive ? "Workout archived." : "Workout restored."))
        {
            _archived = archive;
            await ReloadAsync();
            _version = (await Library.ListAsync(Caller, includeArchived: true)).First(w => w.Id == _editingId).Version;
        }
    }

    /// <summary>The editor's fields; <see cref="WorkoutInput"/> is immutable.</summary>
    private sealed class WorkoutForm
    {
        public string Name { get; set; } = "";

        public string Sport { get; set; } = "";

        public string Text { get; set; } = "";

        public string? Description { get; set; }

        public int? TeamId { get; set; }

        public static WorkoutForm From(WorkoutView w) => new() { Name = w.Name, Sport = w.Sport, Text = w.Text, Description = w.Description, TeamId = w.TeamId };

        public WorkoutInput ToInput() => new(Name, Sport, Text, Description, TeamId);
    }
}
