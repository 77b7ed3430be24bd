using System.Text.RegularExpressions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Invitations;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Users;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CoachPortal.Core.Tests.Invitations;

/// <summary>Invitations by e-mail, through the job server to a real SMTP server.</summary>
public sealed partial class InvitationEmailTests(MailingPortal portal) : IClassFixture<MailingPortal>
{
    private PortalTestHost World => portal.World;

    private InvitationService Invitations => World.Get<InvitationService>();

    [Fact]
    public async Task AnEmailedInvitationArrivesWithALinkThatOpensTheInvitation()
    {
        var athleteId = await NewAthleteAsync("Mia", "Mail", "mia@example.com");

        var invitationId = await Invitations.SendAsync(World.CoachA, athleteId, "mia@example.com", MailingPortal.PortalUrl);

        var message = (await portal.Smtp.WaitForAsync("mia@example.com")).Single();
        Assert.Equal("club@example.com", message.From.Mailboxes.Single().Address);
        var token = TokenIn(message);
        var preview = await Invitations.PreviewAsync(token);
        Assert.Equal("Mia Mail", preview!.AthleteName);
        Assert.Equal("Team A", preview.TeamName);
        var stored = await WaitSentAsync(invitationId, 1);
        Assert.NotNull(stored.SentUtc);
    }

    [Fact]
    public async Task RevokingAnInvitationMakesItsLinkInvalid()
    {
        var athleteId = await NewAthleteAsync("Rex", "Revoked", "rex@example.com");
        var invitationId = await Invitations.SendAsync(World.CoachA, athleteId, "rex@example.com", MailingPortal.PortalUrl);
        var token = TokenIn((await portal.Smtp.WaitForAsync("rex@example.com")).Single());
        Assert.NotNull(await Invitations.PreviewAsync(token));

        await Invitations.RevokeAsync(World.CoachA, invitationId);

        Assert.Null(await Invitations.PreviewAsync(token));
        await Assert.ThrowsAsync<NotFoundException>(() => Invitations.AcceptAsync(token, "Rex-Password-7"));
        Assert.DoesNotContain(await Invitations.ListForTeamAsync(World.CoachA, World.TeamA), r => r.Id == invitationId);
    }

    [Fact]
    public async Task ResendingSendsAgainWithAFreshLinkAndTheEarlierLinkStopsWorking()
    {
        var athleteId = await NewAthleteAsync("Ray", "Resent", "ray@example.com");
        var invitationId = await Invitations.SendAsync(World.CoachA, athleteId, "ray@example.com", MailingPortal.PortalUrl);
        var first = TokenIn((await portal.Smtp.WaitForAsync("ray@example.com")).Single());
        await WaitSentAsync(invitationId, 1);

        await Invitations.ResendAsync(World.CoachA, invitationId, MailingPortal.PortalUrl);

        var messages = await portal.Smtp.WaitForAsync("ray@example.com", count: 2);
        var second = messages.Select(TokenIn).Single(t => t != first);
        Assert.NotNull(await Invitations.PreviewAsync(second));
        Assert.Null(await Invitations.PreviewAsync(first));
    }

    [Fact]
    public async Task ASendThatAlreadyWentOutIsNotSentTwice()
    {
        var athleteId = await NewAthleteAsync("Dee", "Dupe", "dee@example.com");
        var invitationId = await Invitations.SendAsync(World.CoachA, athleteId, "dee@example.com", MailingPortal.PortalUrl);
        var token = TokenIn((await portal.Smtp.WaitForAsync("dee@example.com")).Single());
        await WaitSentAsync(invitationId, 1);

        // The same job again, as after a retry or a second enqueue.
        await World.Get<InvitationEmailJob>().RunAsync(invitationId, 1, MailingPortal.PortalUrl, CancellationToken.None);

        Assert.Single(portal.Smtp.To("dee@example.com"));
        Assert.NotNull(await Invitations.PreviewAsync(token));
    }

    [Fact]
    public async Task InvitingTheRosterReachesOnlyAthletesWithAnAddressAndNoAccount()
    {
        var teamId = await World.Get<TeamService>().CreateAsync(World.CoachA, new TeamInput { Name = "Bulk Club", Sport = "Rowing" });
        var athletes = World.Get<AthleteService>();
        await athletes.CreateAsync(World.CoachA, teamId, WithEmail(PortalTestHost.AnAthlete("Nia", "New"), "nia@example.com"));
        var linked = await athletes.CreateAsync(World.CoachA, teamId, WithEmail(PortalTestHost.AnAthlete("Lou", "Linked"), "lou@example.com"));
        await athletes.CreateAsync(World.CoachA, teamId, PortalTestHost.AnAthlete("Ned", "Noaddress"));
        var account = await World.Get<UserAdminService>().CreateAsync(World.Admin, "lou@example.com", "Lou Linked", PortalTestHost.Password, [Roles.Athlete]);
        await using (var db = World.CreateDb())
        {
            await db.Athletes.Where(a => a.Id == linked).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, account));
        }

        var invited = await Invitations.InviteRosterAsync(World.CoachA, teamId, MailingPortal.PortalUrl);

        Assert.Equal(1, invited);
        await portal.Smtp.WaitForAsync("nia@example.com");
        var rows = await Invitations.ListForTeamAsync(World.CoachA, teamId);
        Assert.Equal(["nia@example.com"], rows.Select(r => r.Email));
        // Asked again, nobody new: the live invitation is not sent twice.
        Assert.Equal(0, await Invitations.InviteRosterAsync(World.CoachA, teamId, MailingPortal.PortalUrl));
        Assert.Empty(portal.Smtp.To("lou@example.com"));
    }

    [Fact]
    public async Task ACoachOfAnotherTeamCannotInviteResendOrRevoke()
    {
        var athleteId = await NewAthleteAsync("Ola", "Other", "ola@example.com");
        var invitationId = await Invitations.SendAsync(World.CoachA, athleteId, "ola@example.com", MailingPortal.PortalUrl);

        await Assert.ThrowsAsync<NotFoundException>(() => Invitations.SendAsync(World.CoachB, athleteId, "ola@example.com", MailingPortal.PortalUrl));
        await Assert.ThrowsAsync<NotFoundException>(() => Invitations.InviteRosterAsync(World.CoachB, World.TeamA, MailingPortal.PortalUrl));
        await Assert.ThrowsAsync<NotFoundException>(() => Invitations.ResendAsync(World.CoachB, invitationId, MailingPortal.PortalUrl));
        await Assert.ThrowsAsync<NotFoundException>(() => Invitations.RevokeAsync(World.CoachB, invitationId));
        await Assert.ThrowsAsync<NotFoundException>(() => Invitations.ListForTeamAsync(World.CoachB, World.TeamA));
        await Assert.ThrowsAnyAsync<DomainException>(() => Invitations.RevokeAsync(World.AthleteA, invitationId));

        Assert.Contains(await Invitations.ListForTeamAsync(World.CoachA, World.TeamA), r => r.Id == invitationId);
    }

    private async Task<int> NewAthleteAsync(string first, string last, string email) =>
        await World.Get<AthleteService>().CreateAsync(World.CoachA, World.TeamA, WithEmail(PortalTestHost.AnAthlete(first, last), email));

    private static AthleteInput WithEmail(AthleteInput input, string email)
    {
        input.Email = email;
        return input;
    }

    private async Task<Invitation> WaitSentAsync(int invitationId, int sendNumber)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = World.CreateDb();
            var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitationId);
            if (invitation.SendsCompleted >= sendNumber || DateTime.UtcNow > deadline)
            {
                Assert.Equal(sendNumber, invitation.SendsCompleted);
                return invitation;
            }

            await Task.Delay(100);
        }
    }

    private static string TokenIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, "the message carries no invitation link");
        Assert.Contains(match.Value, message.HtmlBody, StringComparison.Ordinal);
        return match.Groups["token"].Value;
    }

    [GeneratedRegex(@"https://portal\.example/invite/(?<token>[A-Za-z0-9_-]{40,})")]
    private static partial Regex LinkPattern();
}
