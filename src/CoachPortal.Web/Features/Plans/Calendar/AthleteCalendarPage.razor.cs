using CoachPortal.Core.Athletes;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Compliance;
using CoachPortal.Core.Security;
using CoachPortal.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoachPortal.Web.Features.Plans.Calendar;

public partial class AthleteCalendarPage
{
    private int _athleteId;
    private string? _athleteName;
    private DateOnly _today;
    private CalendarRange? _range;
    private List<PlannedSessionView> _planned = [];
    private IReadOnlyList<CompletedSessionView> _completed = [];
    private IReadOnlyDictionary<int, string> _colours = new Dictionary<int, string>();
    private IReadOnlyList<WeeklyCompliance> _weeks = [];
    private bool _canMove;
    private bool _notFound;
    private string? _notFoundMessage;

    [CascadingParameter]
    private Caller Caller { get; set; } = default!;

    [CascadingParameter]
    private DisplayFormat Format { get; set; } = DisplayFormat.Current;

    [Inject]
    private PlanCalendarService Calendar { get; set; } = default!;

    [Inject]
    private AthleteService Athletes { get; set; } = default!;

    [Inject]
    private PlanComplianceService Compliance { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The athlete; absent on /me/calendar, where it is the signed-in athlete.</summary>
    [Parameter]
    public int? AthleteId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            if (AthleteId is { } id)
            {
                _athleteId = id;
                _today = await Calendar.TodayOfAthleteAsync(Caller, id);
            }
            else
            {
                (_athleteId, _today, _) = await Calendar.GetTodayAsync(Caller);
            }
        }
        catch (NotFoundException ex)
        {
            _notFound = true;
            _notFoundMessage = AthleteId is null ? ex.Message : null;
            return;
        }

        _canMove = Caller.IsAdmin || Caller.IsCoach;
        _range ??= new CalendarRange(true, _today);
        await LoadAsync();
    }

    private async Task SetRangeAsync(CalendarRange range)
    {
        _range = range;
        await LoadAsync();
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        try
        {
            var view = await Calendar.GetAthleteAsync(Caller, _athleteId, _range!.From, _range.To);
            var compliance = await Compliance.GetAsync(Caller, _athleteId, _range.From, _range.To);
            _planned = [.. view.Planned];
            _completed = view.Completed;
            _colours = compliance.Sessions.ToDictionary(r => r.PlannedSessionId, r => r.Colour);
            _weeks = compliance.Weeks;
            _athleteName ??= await AthleteNameAsync();
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private async Task<string?> AthleteNameAsync()
    {
        var athlete = await Athletes.GetAsync(Caller, _athleteId);
        return $"{athlete.FirstName} {athlete.LastName}";
    }

    private async Task MoveAsync(CalendarMove move)
    {
        var index = _planned.FindIndex(p => p.Id == move.Session.Id);
        try
        {
            var version = await Calendar.MoveAsync(Caller, move.Session.Id, move.NewDate, move.Session.Version);
            if (index >= 0)
            {
                _planned[index] = move.Session with { Date = move.NewDate, Version = version };
            }

            Snackbar.Add($"{move.Session.Title} moved to {Format.WeekdayDayMonth(move.NewDate)}.", Severity.Success);
        }
        catch (ConcurrencyConflictException ex)
        {
            Snackbar.Add($"{ex.Message} The calendar now shows the latest plan; nothing else was changed.", Severity.Warning);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        await LoadAsync();
    }
}
