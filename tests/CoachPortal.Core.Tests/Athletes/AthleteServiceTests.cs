using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;

namespace CoachPortal.Core.Tests.Athletes;

public sealed class AthleteServiceTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task AStaleEditIsRefusedWithAClearMessageAndTheNewerEditSurvives()
    {
        var athletes = world.Get<AthleteService>();
        var id = await athletes.CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Stale", "Edit"));
        var loadedByCoach = await athletes.GetAsync(world.CoachA, id);
        var loadedByAdmin = await athletes.GetAsync(world.Admin, id);

        var adminInput = AthleteInput.From(loadedByAdmin);
        adminInput.Position = "Marathon";
        await athletes.UpdateAsync(world.Admin, id, adminInput, loadedByAdmin.Version);

        var coachInput = AthleteInput.From(loadedByCoach);
        coachInput.Position = "Steeple";
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => athletes.UpdateAsync(world.CoachA, id, coachInput, loadedByCoach.Version));
        Assert.Contains("changed by someone else", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Marathon", (await athletes.GetAsync(world.Admin, id)).Position);
    }

    [Fact]
    public async Task AStaleTeamEditIsRefused()
    {
        var teams = world.Get<TeamService>();
        var before = await teams.GetAsync(world.CoachA, world.TeamA);
        await teams.UpdateAsync(world.Admin, world.TeamA, new TeamInput { Name = before.Name, Description = "first" }, before.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => teams.UpdateAsync(world.CoachA, world.TeamA, new TeamInput { Name = before.Name, Description = "second" }, before.Version));
    }

    [Fact]
    public async Task InvalidProfilesAreRefusedFieldByField()
    {
        var input = PortalTestHost.AnAthlete("", "Nobody");
        input.HeartRateMaxBpm = 110;
        input.HeartRateRestBpm = 115;
        input.ThresholdPace = "4.30";
        input.BodyMassKg = 5;

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, input));

        Assert.Equal(
            [nameof(AthleteInput.FirstName), nameof(AthleteInput.BodyMassKg), nameof(AthleteInput.HeartRateRestBpm), nameof(AthleteInput.LactateThresholdHeartRateBpm), nameof(AthleteInput.ThresholdPace)],
            ex.Errors.Select(e => e.Field).ToArray());
        Assert.Contains(ex.Errors, e => e.Message == "HRrest must be below HRmax.");
    }

    [Theory]
    [InlineData("4:05", 245)]
    [InlineData("12:00", 720)]
    [InlineData("4:5", null)]
    [InlineData("4:60", null)]
    [InlineData("four", null)]
    public void PaceIsParsedOnlyInMinutesAndTwoDigitSeconds(string text, int? expected)
    {
        Assert.Equal(expected, AthleteValidator.ParsePace(text));
    }

    [Fact]
    public async Task ArchivedAthletesLeaveTheDefaultListButStayReadable()
    {
        var athletes = world.Get<AthleteService>();
        var id = await athletes.CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Gone", "Soon"));
        var a = await athletes.GetAsync(world.CoachA, id);

        await athletes.SetArchivedAsync(world.CoachA, id, archived: true, a.Version);

        Assert.DoesNotContain(await athletes.ListForTeamAsync(world.CoachA, world.TeamA), x => x.Id == id);
        Assert.Contains(await athletes.ListForTeamAsync(world.CoachA, world.TeamA, includeArchived: true), x => x.Id == id && x.IsArchived);
    }
}
