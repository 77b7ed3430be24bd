using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using CoachPortal.Core.Tests.Support;

namespace CoachPortal.Core.Tests.Plans;

/// <summary>The library, templates and assignment progress refuse callers outside the owning team.</summary>
public sealed class PlanLibraryAccessTests : IAsyncLifetime
{
    private readonly PortalTestHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private PlanTemplateInput ATemplate() => new()
    {
        Name = "Team A base",
        Sport = SessionSports.Running,
        TeamId = _host.TeamA,
        Blocks = [new PlanBlockInput(PlanPhase.Base, 4)],
        Sessions = Enumerable.Range(0, 4).SelectMany(w => new[]
        {
            new PlanSessionInput(w, 1, "Intervals", SessionSports.Running, "10m warmup @Z1; 5x(3m @Z4, 2m recovery @Z1); 10m cooldown @Z1"),
            new PlanSessionInput(w, 5, "Long run", SessionSports.Running, "1h30m @Z2"),
        }).ToList(),
    };

    [Fact]
    public async Task AnotherTeamsCoachCannotChangeCopyOrArchiveTheTemplateAndAnAthleteCannotOpenIt()
    {
        var templates = _host.Get<PlanTemplateService>();
        var id = await templates.CreateAsync(_host.CoachA, ATemplate());
        var opened = await templates.GetAsync(_host.CoachA, id);

        Assert.DoesNotContain(await templates.ListAsync(_host.CoachB, includeArchived: true), t => t.Id == id);
        await Assert.ThrowsAsync<NotFoundException>(() => templates.UpdateAsync(_host.CoachB, id, opened.Input with { Name = "Taken" }, opened.Version));
        await Assert.ThrowsAsync<NotFoundException>(() => templates.CopyAsync(_host.CoachB, id, "Stolen copy"));
        await Assert.ThrowsAsync<NotFoundException>(() => templates.SetArchivedAsync(_host.CoachB, id, true));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.ListAsync(_host.AthleteA));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.GetAsync(_host.AthleteA, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.UpdateAsync(_host.AthleteA, id, opened.Input with { Name = "Mine now" }, opened.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.CreateAsync(_host.CoachB, ATemplate()));

        var now = await templates.GetAsync(_host.CoachA, id);
        Assert.Equal("Team A base", now.Input.Name);
        Assert.False(now.IsArchived);
        Assert.Equal(opened.Version, now.Version);
        Assert.Single(await templates.ListAsync(_host.Admin), t => t.Input.Name.StartsWith("Team A base", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherTeamsCoachCannotSeeOrChangeTheTeamsWorkoutsAndAnAthleteCannotListThem()
    {
        var library = _host.Get<WorkoutLibraryService>();
        var id = await library.CreateAsync(_host.CoachA, new WorkoutInput("Threshold", SessionSports.Running, "3x(10m @Z4, 2m @Z1)", TeamId: _host.TeamA));
        var version = (await library.ListAsync(_host.CoachA)).Single(w => w.Id == id).Version;

        Assert.DoesNotContain(await library.ListAsync(_host.CoachB, includeArchived: true), w => w.Id == id);
        await Assert.ThrowsAsync<NotFoundException>(() => library.UpdateAsync(_host.CoachB, id, new WorkoutInput("Mine", SessionSports.Running, "30m @Z2"), version));
        await Assert.ThrowsAsync<NotFoundException>(() => library.SetArchivedAsync(_host.CoachB, id, true));
        await Assert.ThrowsAsync<ForbiddenException>(() => library.ListAsync(_host.AthleteA));
        await Assert.ThrowsAsync<ForbiddenException>(() => library.CreateAsync(_host.CoachB, new WorkoutInput("Sneaky", SessionSports.Running, "30m @Z2", TeamId: _host.TeamA)));

        var kept = (await library.ListAsync(_host.CoachA)).Single(w => w.Id == id);
        Assert.Equal("3x(10m @Z4, 2m @Z1)", kept.Text);
        Assert.Equal(version, kept.Version);
    }

    [Fact]
    public async Task AssignmentProgressFollowsTheJobAndShowsEachCallerOnlyTheAthletesTheyMaySee()
    {
        var templateId = await _host.Get<PlanTemplateService>().CreateAsync(_host.CoachA, ATemplate());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var personalisation = _host.Get<PlanPersonalisationService>();
        var result = await personalisation.AssignAsync(_host.CoachA, new PlanAssignmentInput
        {
            TemplateId = templateId,
            TeamId = _host.TeamA,
            StartDate = today,
            EventDate = today.AddDays(27),
            EventName = "Club 10k",
            Priority = EventPriority.B,
        });

        Assert.True(result.Queued);
        var queued = await personalisation.GetProgressAsync(_host.CoachA, result.AssignmentIds.ToList());
        Assert.Equal(2, queued.Count);
        Assert.All(queued, p => Assert.False(p.IsPersonalised));

        await _host.Get<PlanPersonalisationJob>().RunAsync(result.AssignmentIds.ToArray(), CancellationToken.None);

        var done = await personalisation.GetProgressAsync(_host.CoachA, result.AssignmentIds.ToList());
        Assert.All(done, p => Assert.True(p.IsPersonalised));
        Assert.All(done, p => Assert.True(p.SessionCount > 0 && p.TotalTss > 0));
        Assert.Equal(["Ada Alpha", "Tom Mate"], done.Select(p => p.AthleteName));
        Assert.Empty(await personalisation.GetProgressAsync(_host.CoachB, result.AssignmentIds.ToList()));
        var own = Assert.Single(await personalisation.GetProgressAsync(_host.AthleteA, result.AssignmentIds.ToList()));
        Assert.Equal(_host.AthleteAProfile, own.AthleteId);
    }
}
