using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;

namespace CoachPortal.Core.Tests.Teams;

public sealed class TeamCreationTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task ACoachWhoCreatesATeamBecomesItsCoachAndManagesIt()
    {
        var teamId = await world.Get<TeamService>().CreateAsync(world.CoachB, new TeamInput { Name = "Night Owls", Sport = "Running" });

        var team = await world.Get<TeamService>().GetAsync(world.CoachB, teamId);
        Assert.Equal([world.CoachB.UserId], team.Coaches.Select(c => c.UserId));
        await world.Get<TeamService>().UpdateAsync(world.CoachB, teamId, new TeamInput { Name = "Night Owls RC", Sport = "Running" }, team.Version);
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<TeamService>().GetAsync(world.CoachA, teamId));
    }

    [Fact]
    public async Task AnAdminWhoCreatesATeamDoesNotBecomeItsCoach()
    {
        var teamId = await world.Get<TeamService>().CreateAsync(world.Admin, new TeamInput { Name = "Admin Made" });

        Assert.Empty((await world.Get<TeamService>().GetAsync(world.Admin, teamId)).Coaches);
    }

    [Fact]
    public async Task AnAthleteCannotCreateATeam()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => world.Get<TeamService>().CreateAsync(world.AthleteA, new TeamInput { Name = "Mine" }));
    }
}
