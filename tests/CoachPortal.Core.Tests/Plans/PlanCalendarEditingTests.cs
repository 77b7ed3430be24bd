using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Compliance;
using CoachPortal.Core.Plans.Projection;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Tests.Support;

namespace CoachPortal.Core.Tests.Plans;

/// <summary>Moving and editing planned sessions from the calendars, what-if projections, and the board's weekly compliance.</summary>
public sealed class PlanCalendarEditingTests : IAsyncLifetime
{
    private readonly PortalTestHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<(DateOnly Today, IReadOnlyList<PlannedSessionView> Sessions)> AssignToAthleteAAsync()
    {
        var templateId = await _host.Get<PlanTemplateService>().CreateAsync(_host.CoachA, new PlanTemplateInput
        {
            Name = "5 km build",
            Sport = SessionSports.Running,
            TeamId = _host.TeamA,
            FirstWeekTss = 240,
            RampPercentPerWeek = 5,
            Blocks = [new PlanBlockInput(PlanPhase.Base, 2), new PlanBlockInput(PlanPhase.Taper, 1)],
            Sessions = Enumerable.Range(0, 3).SelectMany(w => Enumerable.Range(0, 7).Select(d =>
                new PlanSessionInput(w, d, d % 2 == 0 ? "Easy" : "Intervals", SessionSports.Running, d % 2 == 0 ? "45m @Z2" : "10m warmup @Z1; 5x(3m @Z4, 2m @Z1); 10m cooldown @Z1"))).ToList(),
        });
        var calendar = _host.Get<PlanCalendarService>();
        var today = await calendar.TodayOfAthleteAsync(_host.CoachA, _host.AthleteAProfile);
        await _host.Get<PlanPersonalisationService>().AssignAsync(_host.CoachA, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = _host.AthleteAProfile,
            StartDate = today,
            EventDate = today.AddDays(20),
            EventName = "Park 5k",
        });
        var view = await calendar.GetAthleteAsync(_host.CoachA, _host.AthleteAProfile, today, today.AddDays(20));
        Assert.True(view.Planned.Count >= 6, "the plan should have sessions to edit");
        return (today, view.Planned);
    }

    private static void AssertSameDays(PlanProjection expected, PlanProjection actual)
    {
        Assert.Equal(expected.Days.Count, actual.Days.Count);
        for (var i = 0; i < expected.Days.Count; i++)
        {
            Assert.Equal(expected.Days[i], actual.Days[i]);
        }
    }

    [Fact]
    public async Task ACoachOfAnotherTeamCannotMoveOrEditTheSessionAndNothingChanges()
    {
        var (today, sessions) = await AssignToAthleteAAsync();
        var calendar = _host.Get<PlanCalendarService>();
        var session = sessions[1];

        // Another team's coach cannot even see the session (no probing of ids); the athlete sees it but may not change the plan.
        await Assert.ThrowsAsync<NotFoundException>(() => calendar.MoveAsync(_host.CoachB, session.Id, today.AddDays(5), session.Version));
        await Assert.ThrowsAsync<NotFoundException>(() => calendar.ApplyEditsAsync(_host.CoachB, _host.AthleteAProfile, [new PlanEdit(session.Id, Drop: true)],
            new Dictionary<int, Guid> { [session.Id] = session.Version }));
        await Assert.ThrowsAsync<ForbiddenException>(() => calendar.ApplyEditsAsync(_host.AthleteA, _host.AthleteAProfile, [new PlanEdit(session.Id, Drop: true)],
            new Dictionary<int, Guid> { [session.Id] = session.Version }));
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Get<PlanComplianceService>().GetTeamWeekAsync(_host.CoachB, _host.TeamA));

        var now = await calendar.GetSessionAsync(_host.CoachA, session.Id);
        Assert.Equal(session.Date, now.Date);
        Assert.Equal(session.Version, now.Version);
    }

    [Fact]
    public async Task AWhatIfDropChangesTheProjectionAndResetRestoresTheStoredOne()
    {
        var (_, sessions) = await AssignToAthleteAAsync();
        var projections = _host.Get<PlanProjectionService>();
        var stored = await projections.ProjectAsync(_host.CoachA, _host.AthleteAProfile);
        var whatIf = new PlanWhatIf();

        whatIf.Drop(sessions[0]);
        var dropped = await projections.ProjectAsync(_host.CoachA, _host.AthleteAProfile, whatIf.Edits);
        whatIf.Reset();
        var reset = await projections.ProjectAsync(_host.CoachA, _host.AthleteAProfile, whatIf.Edits);

        Assert.True(dropped.Days[^1].Ctl < stored.Days[^1].Ctl - 0.01, $"CTL on event day {dropped.Days[^1].Ctl} should fall below {stored.Days[^1].Ctl}");
        Assert.Equal(stored.Days.Sum(d => d.Load) - sessions[0].Tss, dropped.Days.Sum(d => d.Load), 3);
        Assert.False(whatIf.HasEdits);
        AssertSameDays(stored, reset);
    }

    [Fact]
    public async Task AppliedEditsAreStoredAndTheStoredProjectionThenEqualsTheWhatIf()
    {
        var (today, sessions) = await AssignToAthleteAAsync();
        var projections = _host.Get<PlanProjectionService>();
        var calendar = _host.Get<PlanCalendarService>();
        var whatIf = new PlanWhatIf();
        var (drop, move, shorten) = (sessions[0], sessions[1], sessions[2]);

        whatIf.Drop(drop);
        whatIf.Move(move, move.Date.AddDays(2));
        whatIf.ScaleDuration(shorten, 0.5);
        var expected = await projections.ProjectAsync(_host.CoachA, _host.AthleteAProfile, whatIf.Edits);
        await calendar.ApplyEditsAsync(_host.CoachA, _host.AthleteAProfile, whatIf.Edits, sessions.ToDictionary(s => s.Id, s => s.Version));

        AssertSameDays(expected, await projections.ProjectAsync(_host.CoachA, _host.AthleteAProfile));
        var after = await calendar.GetAthleteAsync(_host.CoachA, _host.AthleteAProfile, today, today.AddDays(20));
        Assert.DoesNotContain(after.Planned, p => p.Id == drop.Id);
        Assert.Equal(move.Date.AddDays(2), after.Planned.Single(p => p.Id == move.Id).Date);
        var shortened = after.Planned.Single(p => p.Id == shorten.Id);
        Assert.InRange(shortened.DurationSeconds, shorten.DurationSeconds * 0.4, shorten.DurationSeconds * 0.6);
        Assert.True(shortened.Tss < shorten.Tss);
        Assert.Equal("Changed by the coach.", shortened.ChangeReason);
    }

    [Fact]
    public async Task AStaleApplyIsRefusedAsAWholeAndLosesNothing()
    {
        var (today, sessions) = await AssignToAthleteAAsync();
        var calendar = _host.Get<PlanCalendarService>();
        var versions = sessions.ToDictionary(s => s.Id, s => s.Version);
        await calendar.MoveAsync(_host.Admin, sessions[1].Id, sessions[1].Date.AddDays(1), sessions[1].Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => calendar.ApplyEditsAsync(_host.CoachA, _host.AthleteAProfile,
            [new PlanEdit(sessions[0].Id, Drop: true), new PlanEdit(sessions[1].Id, NewDate: today.AddDays(10))], versions));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => calendar.ApplyEditsAsync(_host.CoachA, _host.AthleteAProfile,
            [new PlanEdit(sessions[2].Id, NewText: "4x(3m @Z9")], versions));
        Assert.Contains(sessions[2].Title, bad.Errors[0].Message, StringComparison.Ordinal);

        var after = await calendar.GetAthleteAsync(_host.CoachA, _host.AthleteAProfile, today, today.AddDays(20));
        Assert.Contains(after.Planned, p => p.Id == sessions[0].Id);
        Assert.Equal(sessions[1].Date.AddDays(1), after.Planned.Single(p => p.Id == sessions[1].Id).Date);
        Assert.Equal(sessions[2].Text, after.Planned.Single(p => p.Id == sessions[2].Id).Text);
    }

    [Fact]
    public async Task TheTeamBoardGetsEachPlannedAthletesComplianceForThisWeek()
    {
        var (today, sessions) = await AssignToAthleteAAsync();
        var planned = sessions.Where(s => s.Date == today).ToList();
        Assert.NotEmpty(planned);
        await using (var db = _host.CreateDb())
        {
            db.TrainingSessions.Add(new TrainingSession
            {
                AthleteId = _host.AthleteAProfile,
                StartUtc = today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                Sport = SessionSports.Running,
                DurationSeconds = (int)planned[0].DurationSeconds,
                HrTss = planned.Sum(p => p.Tss) / 2,
            });
            await db.SaveChangesAsync();
        }

        var board = await _host.Get<PlanComplianceService>().GetTeamWeekAsync(_host.CoachA, _host.TeamA);

        Assert.Equal(today, board.Today);
        Assert.Equal(PlanCalendar.WeekStart(today), board.WeekStart);
        var week = board.Athletes[_host.AthleteAProfile];
        Assert.Equal(50, week.Percent!.Value, 0.2);
        Assert.False(board.Athletes.ContainsKey(_host.TeamMateOfA));
        Assert.Equal("amber", ComplianceMatcher.Colour(week.Percent, isPast: true));
    }
}
