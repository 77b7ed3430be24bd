using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoachPortal.Web.Features.Teams;

public partial class TeamPage
{
    private static string TeamLine(TeamSummary team) => string.Join(" · ", new[]
    {
        team.Sport,
        team.Description,
        team.Coaches.Count == 0 ? "no coach assigned yet" : "coached by " + string.Join(", ", team.Coaches.Select(c => c.DisplayName)),
    }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static readonly Dictionary<string, object?> s_compositionOptions = new()
    {
        ["plotOptions"] = new { bar = new { horizontal = true, borderRadius = 3 } },
        ["dataLabels"] = new { enabled = true },
        ["xaxis"] = new { title = new { text = "Athletes" } },
    };

    private TeamSummary? _team;
    private TeamInput _teamInput = new();
    private IReadOnlyList<AthleteSummary> _athletes = [];
    private IReadOnlyList<ChartSeries>? _composition;
    private AthleteInput? _adding;
    private AthleteSummary? _inviting;
    private string? _inviteEmail;
    private string? _inviteLink;
    private bool _editingTeam;
    private bool _showArchived;
    private bool _notFound;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [Parameter]
    public int TeamId { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _team = await Teams.GetAsync(Caller, TeamId);
            _teamInput = new TeamInput { Name = _team.Name, Sport = _team.Sport, Description = _team.Description };
            _athletes = await Athletes.ListForTeamAsync(Caller, TeamId, _showArchived);
            var buckets = await Teams.CompositionAsync(Caller, TeamId);
            _composition = [new ChartSeries("Athletes", buckets.Select(b => (object?)new { x = $"{b.Sport} · {b.Position}", y = b.Count }).ToList())];
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }

        StateHasChanged();
    }

    private async Task ShowArchivedAsync(bool value)
    {
        _showArchived = value;
        await ReloadAsync();
    }

    private async Task SaveTeamAsync()
    {
        if (await Snackbar.TryAsync(() => Teams.UpdateAsync(Caller, TeamId, _teamInput, _team!.Version), "Team saved."))
        {
            _editingTeam = false;
        }

        await ReloadAsync();
    }

    private async Task<IReadOnlyList<ValidationError>> AddAsync(AthleteInput input)
    {
        try
        {
            await Athletes.CreateAsync(Caller, TeamId, input);
            Snackbar.Add($"{input.FirstName} {input.LastName} added.", Severity.Success);
            _adding = null;
            await ReloadAsync();
            return [];
        }
        catch (ValidationFailedException ex)
        {
            return ex.Errors;
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return [];
        }
    }

    private async Task ArchiveAsync(AthleteSummary athlete)
    {
        await Snackbar.TryAsync(() => Athletes.SetArchivedAsync(Caller, athlete.Id, !athlete.IsArchived, athlete.Version),
            athlete.IsArchived ? $"{athlete.FullName} restored." : $"{athlete.FullName} archived.");
        await ReloadAsync();
    }

    private void StartInvite(AthleteSummary athlete)
    {
        _inviting = athlete;
        _inviteEmail = null;
        _inviteLink = null;
    }

    private async Task EmailInviteAsync()
    {
        var athlete = _inviting!;
        if (await Snackbar.TryAsync(() => Invitations.SendAsync(Caller, athlete.Id, _inviteEmail ?? "", Navigation.BaseUri),
            $"Invitation to {athlete.FullName} on its way."))
        {
            _inviting = null;
        }
    }

    private async Task InviteAsync()
    {
        string? token = null;
        if (await Snackbar.TryAsync(async () => token = await Invitations.CreateAsync(Caller, _inviting!.Id, _inviteEmail ?? "")))
        {
            _inviteLink = Navigation.ToAbsoluteUri($"/invite/{token}").ToString();
        }
    }
}
