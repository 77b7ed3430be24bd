using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Teams.Roster;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Users;

namespace CoachPortal.Core.Tests.Security;

/// <summary>
/// Every role against every resource, on its own team (or own profile) and on another: allowed or refused,
/// as the services enforce it — whatever page or URL the request came from.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    public static TheoryData<string, string, bool, bool> Matrix => new()
    {
        // role, action, on own team/profile, allowed
        { "admin", "team.read", true, true },
        { "admin", "team.read", false, true },
        { "admin", "team.edit", false, true },
        { "admin", "athlete.read", false, true },
        { "admin", "athlete.edit", false, true },
        { "admin", "roster.import", false, true },
        { "admin", "users.list", false, true },
        { "admin", "team.create", false, true },

        { "coach", "team.read", true, true },
        { "coach", "team.read", false, false },
        { "coach", "team.edit", true, true },
        { "coach", "team.edit", false, false },
        { "coach", "athlete.read", true, true },
        { "coach", "athlete.read", false, false },
        { "coach", "athlete.edit", true, true },
        { "coach", "athlete.edit", false, false },
        { "coach", "athlete.list", true, true },
        { "coach", "athlete.list", false, false },
        { "coach", "roster.import", true, true },
        { "coach", "roster.import", false, false },
        { "coach", "users.list", false, false },
        { "coach", "team.create", false, true },
        { "coach", "team.assign-coach", true, false },

        { "athlete", "team.read", true, false },
        { "athlete", "team.read", false, false },
        { "athlete", "team.edit", true, false },
        { "athlete", "athlete.read", true, true },
        { "athlete", "athlete.read", false, false },
        { "athlete", "athlete.edit", true, true },
        { "athlete", "athlete.edit", false, false },
        { "athlete", "athlete.list", true, false },
        { "athlete", "roster.import", true, false },
        { "athlete", "users.list", false, false },
        { "athlete", "team.create", false, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleIsAllowedOrRefusedAsSpecified(string role, string action, bool own, bool allowed)
    {
        var caller = role switch
        {
            "admin" => world.Admin,
            "coach" => world.CoachA,
            _ => world.AthleteA,
        };
        var team = own ? world.TeamA : world.TeamB;
        var athlete = role == "athlete"
            ? (own ? world.AthleteAProfile : world.TeamMateOfA)
            : (own ? world.AthleteAProfile : world.AthleteBProfile);

        Func<Task> act = action switch
        {
            "team.read" => () => world.Get<TeamService>().GetAsync(caller, team),
            "team.edit" => async () =>
            {
                var current = await world.Get<TeamService>().GetAsync(world.Admin, team);
                await world.Get<TeamService>().UpdateAsync(caller, team, new TeamInput { Name = current.Name, Sport = current.Sport }, current.Version);
            }
            ,
            "team.create" => () => world.Get<TeamService>().CreateAsync(caller, new TeamInput { Name = "New " + Guid.NewGuid().ToString("N")[..6] }),
            "team.assign-coach" => () => world.Get<TeamService>().AssignCoachAsync(caller, team, world.CoachB.UserId),
            "athlete.read" => () => world.Get<AthleteService>().GetAsync(caller, athlete),
            "athlete.list" => () => world.Get<AthleteService>().ListForTeamAsync(caller, team),
            "athlete.edit" => async () =>
            {
                var current = await world.Get<AthleteService>().GetAsync(world.Admin, athlete);
                await world.Get<AthleteService>().UpdateAsync(caller, athlete, AthleteInput.From(current), current.Version);
            }
            ,
            "roster.import" => () => world.Get<RosterImportService>().StartAsync(caller, team, "roster.csv", "first_name,last_name\n"),
            "users.list" => () => world.Get<UserAdminService>().ListAsync(caller),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        if (allowed)
        {
            await act();
        }
        else
        {
            var ex = await Assert.ThrowsAnyAsync<DomainException>(act);
            Assert.True(ex is NotFoundException or ForbiddenException, $"expected a refusal, got {ex.GetType().Name}: {ex.Message}");
        }
    }

    [Fact]
    public async Task CoachSeesOnlyTheTeamsTheyCoach()
    {
        var teams = await world.Get<TeamService>().ListAsync(world.CoachA);

        Assert.Contains(teams, t => t.Id == world.TeamA);
        Assert.DoesNotContain(teams, t => t.Id == world.TeamB);
    }

    [Fact]
    public async Task AthleteSeesNoTeamListAndOnlyTheirOwnProfile()
    {
        Assert.Empty(await world.Get<TeamService>().ListAsync(world.AthleteA));
        var own = await world.Get<AthleteService>().FindOwnAsync(world.AthleteA);
        Assert.Equal(world.AthleteAProfile, own!.Id);
    }

    [Fact]
    public async Task AnotherTeamsImportIsNotFoundForACoach()
    {
        var importId = await world.Get<RosterImportService>().StartAsync(world.Admin, world.TeamB, "b.csv", "first_name,last_name\nX,Y\n");

        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<RosterImportService>().GetAsync(world.CoachA, importId));
        var view = await world.Get<RosterImportService>().GetAsync(world.Admin, importId);
        Assert.Equal(world.TeamB, view.TeamId);
    }
}
