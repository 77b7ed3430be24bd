using CoachPortal.Core.Athletes;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Web.Components.Shared;
using CoachPortal.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoachPortal.Web.Features.Plans.Templates;

public partial class TemplateAssignPanel
{
    // Long enough for a large team on a busy server; after it the page stops polling and says so.
    private static readonly TimeSpan s_giveUpAfter = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    private IReadOnlyList<TeamSummary> _teams = [];
    private IReadOnlyList<AthleteSummary> _athletes = [];
    private bool _toTeam = true;
    private int? _teamId;
    private int? _athleteId;
    private DateTime? _start;
    private DateTime? _eventDate;
    private string? _eventName;
    private EventPriority _priority = EventPriority.A;
    private double _maxRamp = 6;
    private int _highIntensityPercent = 25;
    private bool _overrideAcwr;
    private bool _assigning;
    private bool _gaveUp;
    private IReadOnlyList<int> _assignmentIds = [];
    private int? _assignedTeamId;
    private IReadOnlyList<PlanAssignmentProgress>? _progress;
    private readonly HashSet<int> _showAll = [];
    private DateTimeOffset _assignedAt;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [CascadingParameter]
    private DisplayFormat Format { get; set; } = DisplayFormat.Current;

    [Parameter, EditorRequired]
    public int TemplateId { get; set; }

    /// <summary>The template has edits that are not saved yet.</summary>
    [Parameter]
    public bool Unsaved { get; set; }

    private bool AllDone => _progress is { Count: > 0 } && _progress.All(p => p.IsPersonalised);

    protected override async Task OnInitializedAsync()
    {
        _teams = await Teams.ListAsync(Caller);
        _start = Clock.GetLocalNow().Date;
        if (_teams.Count > 0)
        {
            await TeamChangedAsync(_teams[0].Id);
        }
    }

    private void ToTeamChanged(bool toTeam)
    {
        _toTeam = toTeam;
        _athleteId = null;
    }

    private async Task TeamChangedAsync(int? teamId)
    {
        _teamId = teamId;
        _athleteId = null;
        _athletes = teamId is { } id ? await Athletes.ListForTeamAsync(Caller, id) : [];
    }

    private async Task AssignAsync()
    {
        if (_start is null || _eventDate is null)
        {
            Snackbar.Add("Choose a start date and an event date.", Severity.Warning);
            return;
        }

        if ((_toTeam ? _teamId : _athleteId) is null)
        {
            Snackbar.Add(_toTeam ? "Choose a team." : "Choose an athlete.", Severity.Warning);
            return;
        }

        var input = new PlanAssignmentInput
        {
            TemplateId = TemplateId,
            TeamId = _toTeam ? _teamId : null,
            AthleteId = _toTeam ? null : _athleteId,
            StartDate = DateOnly.FromDateTime(_start.Value),
            EventDate = DateOnly.FromDateTime(_eventDate.Value),
            EventName = _eventName ?? "",
            Priority = _priority,
            MaxRampPerWeek = _maxRamp,
            OverrideAcwr = _overrideAcwr,
            MaxHighIntensityShare = _highIntensityPercent / 100.0,
        };
        _assigning = true;
        PlanAssignmentResult? result = null;
        if (await Snackbar.TryAsync(async () => result = await Personalisation.AssignAsync(Caller, input)))
        {
            _assignmentIds = result!.AssignmentIds;
            _assignedTeamId = _teamId;
            _gaveUp = false;
            _assignedAt = Clock.GetUtcNow();
            Snackbar.Add(result.Queued ? $"Assigned to {_assignmentIds.Count} athlete(s); personalising in the background." : "Assigned and personalised.", Severity.Success);
            await RefreshAsync();
        }

        _assigning = false;
    }

    private async Task RefreshAsync()
    {
        _progress = await Personalisation.GetProgressAsync(Caller, _assignmentIds.ToList());
        _gaveUp = !AllDone && Clock.GetUtcNow() - _assignedAt > s_giveUpAfter;
    }
}
