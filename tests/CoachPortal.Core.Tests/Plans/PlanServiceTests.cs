using System.Text;
using System.Text.RegularExpressions;
using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Compliance;
using CoachPortal.Core.Plans.Projection;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Ingest.Fit;
using CoachPortal.Ingest.Workouts;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Plans;

public sealed class PlanServiceTests : IAsyncLifetime
{
    private readonly PortalTestHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private static PlanTemplateInput ATemplate(int? teamId) => new()
    {
        Name = "10 km build",
        Sport = SessionSports.Running,
        TeamId = teamId,
        FirstWeekTss = 250,
        RampPercentPerWeek = 5,
        Blocks = [new PlanBlockInput(PlanPhase.Base, 3), new PlanBlockInput(PlanPhase.Taper, 1)],
        Sessions = Enumerable.Range(0, 4).SelectMany(w => Enumerable.Range(0, 7).Select(d =>
            new PlanSessionInput(w, d, d % 2 == 0 ? "Easy" : "Intervals", SessionSports.Running, d % 2 == 0 ? "40m @Z2" : "10m warmup @Z1; 4x(4m @Z4, 2m @Z1); 10m cooldown @Z1"))).ToList(),
    };

    private async Task<PlanAssignmentResult> AssignToAthleteAAsync()
    {
        var templateId = await _host.Get<PlanTemplateService>().CreateAsync(_host.CoachA, ATemplate(_host.TeamA));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await _host.Get<PlanPersonalisationService>().AssignAsync(_host.CoachA, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = _host.AthleteAProfile,
            StartDate = today,
            EventDate = today.AddDays(27),
            EventName = "City 10k",
        });
    }

    [Fact]
    public async Task ASecondSaveOfATemplateGetsAClearConflictAndChangesNothing()
    {
        var templates = _host.Get<PlanTemplateService>();
        var id = await templates.CreateAsync(_host.CoachA, ATemplate(_host.TeamA));
        var opened = await templates.GetAsync(_host.CoachA, id);

        await templates.UpdateAsync(_host.CoachA, id, opened.Input with { Name = "First coach" }, opened.Version);
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => templates.UpdateAsync(_host.Admin, id, opened.Input with { Name = "Second coach" }, opened.Version));

        Assert.Contains("changed by someone else", ex.Message, StringComparison.Ordinal);
        var now = await templates.GetAsync(_host.CoachA, id);
        Assert.Equal("First coach", now.Input.Name);
        Assert.Equal(opened.Input.Sessions.Count, now.Input.Sessions.Count);
    }

    [Fact]
    public async Task AssigningToOneAthletePersonalisesTheirPlanInProcess()
    {
        var result = await AssignToAthleteAAsync();

        Assert.False(result.Queued);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await _host.Get<PlanCalendarService>().GetAthleteAsync(_host.AthleteA, _host.AthleteAProfile, today, today.AddDays(30));
        Assert.NotEmpty(plan.Planned);
        Assert.All(plan.Planned, p => Assert.True(p.Tss > 0));
        var projection = await _host.Get<PlanProjectionService>().ProjectAsync(_host.CoachA, _host.AthleteAProfile);
        Assert.Equal(today.AddDays(27), projection.EventDate);
        Assert.Equal(today.AddDays(27), projection.Days[^1].Date);
    }

    [Fact]
    public async Task APlanAssignedBeforeTheLoadsAreComputedStartsFromTheAthletesRealFitness()
    {
        // 200 days at 50 TSS: far longer than the plan's history window, and not yet computed when the plan is assigned.
        await LoadTestData.AddSessionsAsync(_host, LoadTestData.DailySessions(_host.AthleteAProfile, 200, 1, _ => 50));
        await _host.Get<LoadRecomputeScheduler>().ScheduleFullAsync(_host.AthleteAProfile);

        await AssignToAthleteAAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var db = _host.CreateDb();
        var eve = await db.DailyLoads.Where(d => d.AthleteId == _host.AthleteAProfile && d.Date < today).OrderByDescending(d => d.Date).FirstAsync();
        Assert.InRange(eve.Ctl, 45, 50);
        var reasons = await db.PlannedSessions.Where(s => s.AthleteId == _host.AthleteAProfile && s.ChangeReason != null).Select(s => s.ChangeReason!).ToListAsync();
        Assert.Contains(reasons, r => r.Contains(FormattableString.Invariant($"(CTL {eve.Ctl:0}, ATL {eve.Atl:0})"), StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.Contains("CTL 0", StringComparison.Ordinal));
        var projection = await _host.Get<PlanProjectionService>().ProjectAsync(_host.CoachA, _host.AthleteAProfile);
        Assert.Equal(eve.Ctl, projection.Days.Single(d => d.Date == eve.Date).Ctl, 1);
    }

    [Fact]
    public async Task TheEventDayIsTheEventAndTheDaysBeforeItHoldNoLongSession()
    {
        await AssignToAthleteAAsync();

        var eventDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(27);
        await using var db = _host.CreateDb();
        var sessions = await db.PlannedSessions.Where(s => s.AthleteId == _host.AthleteAProfile).ToListAsync();
        Assert.DoesNotContain(sessions, s => s.Date == eventDate);
        Assert.All(sessions.Where(s => s.Date >= eventDate.AddDays(-PlanPersonaliser.PreEventDays)), s => Assert.True(s.PlannedDurationSeconds <= PlanPersonaliser.PreEventMaxMinutes * 60, s.Text));
    }

    [Fact]
    public async Task AnAthleteCannotSeeAnotherAthletesPlan()
    {
        await AssignToAthleteAAsync();
        var calendar = _host.Get<PlanCalendarService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mine = await calendar.GetAthleteAsync(_host.AthleteA, _host.AthleteAProfile, today, today.AddDays(30));

        await Assert.ThrowsAsync<NotFoundException>(() => calendar.GetAthleteAsync(_host.AthleteB, _host.AthleteAProfile, today, today.AddDays(30)));
        await Assert.ThrowsAsync<NotFoundException>(() => calendar.GetSessionAsync(_host.AthleteB, mine.Planned[0].Id));
        await Assert.ThrowsAsync<NotFoundException>(() => calendar.GetAthleteAsync(_host.CoachB, _host.AthleteAProfile, today, today.AddDays(30)));
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Get<PlanProjectionService>().ProjectAsync(_host.AthleteB, _host.AthleteAProfile));
        await Assert.ThrowsAsync<NotFoundException>(() => calendar.RecordOutcomeAsync(_host.AthleteB, mine.Planned[0].Id, new SessionOutcomeInput(PlannedSessionStatus.Done, 5, null, null)));
        var (athleteId, _, week) = await calendar.GetTodayAsync(_host.AthleteB);
        Assert.Equal(_host.AthleteBProfile, athleteId);
        Assert.Empty(week.Planned);
    }

    [Fact]
    public async Task OnlyCoachesMoveSessionsAndAStaleMoveConflicts()
    {
        await AssignToAthleteAAsync();
        var calendar = _host.Get<PlanCalendarService>();
        var (_, today, week) = await calendar.GetTodayAsync(_host.AthleteA);
        var session = week.Planned[0];

        await Assert.ThrowsAsync<ForbiddenException>(() => calendar.MoveAsync(_host.AthleteA, session.Id, today.AddDays(1), session.Version));
        await calendar.MoveAsync(_host.CoachA, session.Id, today.AddDays(2), session.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => calendar.MoveAsync(_host.CoachA, session.Id, today.AddDays(3), session.Version));

        Assert.Equal(today.AddDays(2), (await calendar.GetSessionAsync(_host.AthleteA, session.Id)).Date);
    }

    [Fact]
    public async Task MovingASessionToADayThatIsOverIsRefusedWithTheReason()
    {
        await AssignToAthleteAAsync();
        var calendar = _host.Get<PlanCalendarService>();
        var (_, today, week) = await calendar.GetTodayAsync(_host.AthleteA);
        var session = week.Planned[0];

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => calendar.MoveAsync(_host.CoachA, session.Id, today.AddDays(-1), session.Version));

        Assert.Contains("that day is over", ex.Message, StringComparison.Ordinal);
        Assert.Equal(session.Date, (await calendar.GetSessionAsync(_host.CoachA, session.Id)).Date);
    }

    [Fact]
    public async Task TheAthleteMarksTodaysSessionDoneWithRpeOrSkippedWithAReason()
    {
        await AssignToAthleteAAsync();
        var calendar = _host.Get<PlanCalendarService>();
        var (_, _, week) = await calendar.GetTodayAsync(_host.AthleteA);

        await calendar.RecordOutcomeAsync(_host.AthleteA, week.Planned[0].Id, new SessionOutcomeInput(PlannedSessionStatus.Done, 6, "Felt good", null));
        await Assert.ThrowsAsync<ValidationFailedException>(() => calendar.RecordOutcomeAsync(_host.AthleteA, week.Planned[1].Id, new SessionOutcomeInput(PlannedSessionStatus.Skipped, null, null, "")));
        await calendar.RecordOutcomeAsync(_host.AthleteA, week.Planned[1].Id, new SessionOutcomeInput(PlannedSessionStatus.Skipped, null, null, "Ill"));

        var done = await calendar.GetSessionAsync(_host.CoachA, week.Planned[0].Id);
        Assert.Equal(PlannedSessionStatus.Done, done.Status);
        Assert.Equal(6, done.Rpe);
        Assert.Equal("Ill", (await calendar.GetSessionAsync(_host.CoachA, week.Planned[1].Id)).SkipReason);
    }

    [Fact]
    public async Task AnotherTeamsCoachCannotAssignOrUseTheTemplate()
    {
        var templateId = await _host.Get<PlanTemplateService>().CreateAsync(_host.CoachA, ATemplate(_host.TeamA));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await Assert.ThrowsAsync<NotFoundException>(() => _host.Get<PlanTemplateService>().GetAsync(_host.CoachB, templateId));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.Get<PlanPersonalisationService>().AssignAsync(_host.AthleteA, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = _host.AthleteAProfile,
            StartDate = today,
            EventDate = today.AddDays(20),
            EventName = "x",
        }));
    }

    [Fact]
    public async Task UploadedSessionsAreMatchedToPlannedOnesByDaySportAndNearestDuration()
    {
        await AssignToAthleteAAsync();
        var (_, today, week) = await _host.Get<PlanCalendarService>().GetTodayAsync(_host.AthleteA);
        var planned = week.Planned.First(p => p.Date == today);
        await using (var db = _host.CreateDb())
        {
            db.TrainingSessions.Add(new TrainingSession { AthleteId = _host.AthleteAProfile, StartUtc = DateTime.UtcNow.Date.AddHours(12), Sport = SessionSports.Running, DurationSeconds = (int)planned.DurationSeconds + 60, HrTss = planned.Tss });
            db.TrainingSessions.Add(new TrainingSession { AthleteId = _host.AthleteAProfile, StartUtc = DateTime.UtcNow.Date.AddHours(13), Sport = SessionSports.Running, DurationSeconds = 300, HrTss = 5 });
            db.TrainingSessions.Add(new TrainingSession { AthleteId = _host.AthleteAProfile, StartUtc = DateTime.UtcNow.Date.AddHours(14), Sport = SessionSports.Cycling, DurationSeconds = (int)planned.DurationSeconds, HrTss = 50 });
            await db.SaveChangesAsync();
        }

        var compliance = await _host.Get<PlanComplianceService>().GetAsync(_host.CoachA, _host.AthleteAProfile, today, today);

        var row = Assert.Single(compliance.Sessions);
        Assert.Equal((int)planned.DurationSeconds + 60, row.ActualSeconds);
        Assert.Equal(100, row.LoadPercent);
        Assert.Equal("green", row.Colour);
        Assert.Equal(100, Assert.Single(compliance.Weeks).Percent);
    }

    [Fact]
    public async Task TheCalendarFeedIsValidICalendarAndCanBeRevoked()
    {
        await AssignToAthleteAAsync();
        var feeds = _host.Get<CalendarFeedService>();
        var token = await feeds.IssueAsync(_host.AthleteA, _host.AthleteAProfile);
        await Assert.ThrowsAsync<NotFoundException>(() => feeds.IssueAsync(_host.AthleteB, _host.AthleteAProfile));

        var ics = await feeds.RenderAsync(token, "portal.test");

        Assert.NotNull(ics);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("[^\r]\n"), ics);
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), lines.Count(l => l == "END:VEVENT"));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.All(unfolded.Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal)), l => Assert.Matches("^DTSTART;VALUE=DATE:\\d{8}$", l));
        Assert.Contains(unfolded, l => Regex.IsMatch(l, @"^DESCRIPTION:\d+m warmup @Z1\\; \d+x\("));

        await feeds.RevokeAsync(_host.AthleteA, _host.AthleteAProfile);
        Assert.Null(await feeds.RenderAsync(token, "portal.test"));
    }

    [Fact]
    public void LongLinesFoldAt75OctetsWithoutSplittingCharacters()
    {
        var session = new PlannedSessionView(1, 1, 1, "Åsa", new DateOnly(2026, 5, 1), "Running", new string('é', 120), "30m @Z2", 1800, 30, null,
            PlannedSessionStatus.Planned, null, null, null, null, Guid.Empty);

        var ics = IcsWriter.Write("Plan", [session], new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), "h");

        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.Contains("SUMMARY:Running: " + new string('é', 120), ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkoutSurvivesTheRoundTripThroughTheFitDecoder()
    {
        var workout = WorkoutParser.Parse("10m warmup @Z1; 5x(3m @105% FTP, 2m recovery @Z1); 2km @4:00/km; 10m cooldown @RPE3");
        var profile = new AthleteTrainingProfile(280, 240, 170, 190);

        var bytes = WorkoutFitExporter.Encode("Threshold", SessionSports.Cycling, workout, profile, new DateTime(2026, 5, 1, 6, 0, 0, DateTimeKind.Utc));
        var decoded = FitWorkoutCodec.Decode(bytes);

        Assert.Equal(CoachPortal.Ingest.Sport.Cycling, decoded.Sport);
        Assert.Equal(6, decoded.Steps.Count);
        Assert.Equal(WorkoutIntensity.Warmup, decoded.Steps[0].Intensity);
        Assert.Equal(600, decoded.Steps[0].DurationValue);
        Assert.Equal(WorkoutTargetType.Power, decoded.Steps[1].TargetType);
        Assert.Equal(287, decoded.Steps[1].TargetLow);
        Assert.Equal(301, decoded.Steps[1].TargetHigh);
        Assert.Equal(WorkoutDurationType.RepeatUntilStepsComplete, decoded.Steps[3].DurationType);
        Assert.Equal(1, decoded.Steps[3].DurationValue);
        Assert.Equal(5, decoded.Steps[3].RepeatCount);
        Assert.Equal(WorkoutDurationType.Distance, decoded.Steps[4].DurationType);
        Assert.Equal(2000, decoded.Steps[4].DurationValue);
        Assert.Equal(WorkoutTargetType.Speed, decoded.Steps[4].TargetType);
    }

    [Fact]
    public async Task TheDemoTeamGetsAPersonalisedPlanToAnEventOnce()
    {
        await _host.Get<DemoPlanSeeder>().SeedAsync("Team A");
        await _host.Get<DemoPlanSeeder>().SeedAsync("Team A");

        await using var db = _host.CreateDb();
        Assert.Equal(2, await db.PlanAssignments.CountAsync());
        Assert.All(await db.PlanAssignments.ToListAsync(), a => Assert.NotNull(a.PersonalisedUtc));
        Assert.True(await db.PlannedSessions.CountAsync(s => s.AthleteId == _host.AthleteAProfile) > 0);
        var projection = await _host.Get<PlanProjectionService>().ProjectAsync(_host.AthleteA, _host.AthleteAProfile);
        Assert.Equal("City 10k", projection.EventName);
    }
}
