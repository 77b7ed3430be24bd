using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Invitations;
using CoachPortal.Core.Security;
using CoachPortal.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Invitations;

public sealed class InvitationTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task AcceptingAnInvitationOpensAnAthleteAccountLinkedToTheProfileAndTheLinkWorksOnce()
    {
        var athleteId = await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Ivy", "Invited"));
        var token = await world.Get<InvitationService>().CreateAsync(world.CoachA, athleteId, "ivy@example.com");

        var preview = await world.Get<InvitationService>().PreviewAsync(token);
        Assert.Equal("Ivy Invited", preview!.AthleteName);
        var userId = await world.Get<InvitationService>().AcceptAsync(token, "Ivy-Password-7");

        var users = world.Get<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        Assert.True(await users.IsInRoleAsync(user!, Roles.Athlete));
        Assert.True(await users.CheckPasswordAsync(user!, "Ivy-Password-7"));
        var own = await world.Get<AthleteService>().FindOwnAsync(Caller.Of(userId, Roles.Athlete));
        Assert.Equal(athleteId, own!.Id);
        Assert.Null(await world.Get<InvitationService>().PreviewAsync(token));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<InvitationService>().AcceptAsync(token, "Ivy-Password-7"));
    }

    [Fact]
    public async Task AnExpiredInvitationIsRefused()
    {
        var athleteId = await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Eve", "Expired"));
        var token = await world.Get<InvitationService>().CreateAsync(world.CoachA, athleteId, "eve@example.com");
        await using (var db = world.CreateDb())
        {
            await db.Invitations.Where(i => i.AthleteId == athleteId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Null(await world.Get<InvitationService>().PreviewAsync(token));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<InvitationService>().AcceptAsync(token, "Eve-Password-7"));
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedAndNothingIsLinked()
    {
        var athleteId = await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Wes", "Weak"));
        var token = await world.Get<InvitationService>().CreateAsync(world.CoachA, athleteId, "wes@example.com");

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<InvitationService>().AcceptAsync(token, "short"));

        Assert.NotEmpty(ex.Errors);
        Assert.Null((await world.Get<AthleteService>().GetAsync(world.Admin, athleteId)).UserId);
        Assert.NotNull(await world.Get<InvitationService>().PreviewAsync(token));
    }

    [Fact]
    public async Task ACoachCannotInviteAnotherTeamsAthlete()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<InvitationService>().CreateAsync(world.CoachA, world.AthleteBProfile, "x@example.com"));
    }

    [Fact]
    public async Task OnlyTheTokensHashIsStored()
    {
        var athleteId = await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Hal", "Hash"));
        var token = await world.Get<InvitationService>().CreateAsync(world.CoachA, athleteId, "hal@example.com");

        await using var db = world.CreateDb();
        var stored = await db.Invitations.SingleAsync(i => i.AthleteId == athleteId);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(64, stored.TokenHash.Length);
    }
}
