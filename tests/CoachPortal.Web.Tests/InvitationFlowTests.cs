using System.Text.RegularExpressions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoachPortal.Web.Tests;

/// <summary>Onboarding without an administrator: a coach opens a team and invites the roster by e-mail.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed partial class InvitationFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task ACoachCreatesATeamInvitesTheRosterByEmailAndTheAthletesFirstSignInIsRecorded()
    {
        BrowserTest.RequireBrowser();
        var coachEmail = $"founder-{Guid.NewGuid():N}"[..20] + "@e2e.test";
        var coachId = await CreateCoachAsync(coachEmail);

        // The coach opens a team of their own and lands on its page.
        var coach = await server.NewPageAsync();
        await coach.SignInAsync(coachEmail);
        await coach.GotoInteractiveAsync("/teams");
        await coach.Field("new-team-name").FillAsync("Dawn Swimmers");
        await coach.Locator("[data-testid=create-team]").ClickAsync();
        await coach.WaitForURLAsync(TeamPage());
        await coach.Locator("[data-testid=team-name]", new() { HasText = "Dawn Swimmers" }).WaitForAsync();
        var teamId = int.Parse(TeamPage().Match(coach.Url).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);

        var athleteEmail = $"swimmer-{Guid.NewGuid():N}@e2e.test";
        using (var scope = server.Services.CreateScope())
        {
            var athletes = scope.ServiceProvider.GetRequiredService<AthleteService>();
            await athletes.CreateAsync(Caller.Of(coachId, Roles.Coach), teamId, new AthleteInput { FirstName = "Wren", LastName = "Wave", Email = athleteEmail });
            await athletes.CreateAsync(Caller.Of(coachId, Roles.Coach), teamId, new AthleteInput { FirstName = "Nell", LastName = "Nomail" });
        }

        // Development has no mail server: the invitation lands as an .eml file in the data folder.
        await coach.GotoInteractiveAsync($"/teams/{teamId}");
        await coach.Locator("[data-testid=invite-roster]").ClickAsync();
        await coach.Locator("[data-testid=invitations-table]").GetByText("Wren Wave").WaitForAsync();
        var message = await WaitForMessageAsync(athleteEmail);
        var link = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, "the e-mail carries no invitation link");
        Assert.StartsWith(server.BaseUrl, link.Value, StringComparison.Ordinal);
        await coach.Locator("[data-testid=invitations-table]").GetByText("e-mailed", new() { Exact = false }).WaitForAsync();
        await coach.ScreenshotAsync(server, "coach-invitations");

        // The athlete follows the link, chooses a password and is signed in; that first sign-in is recorded.
        var athlete = await server.NewPageAsync(phone: true);
        await athlete.GotoAsync(link.Value);
        await athlete.Locator("input[name='Input.Password']").FillAsync("Wren-Password-7");
        await athlete.Locator("input[name='Input.ConfirmPassword']").FillAsync("Wren-Password-7");
        await athlete.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Open my account" }).ClickAsync();
        await athlete.WaitForURLAsync(url => url.EndsWith("/me", StringComparison.Ordinal));

        using var check = server.Services.CreateScope();
        var user = await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(athleteEmail);
        Assert.NotNull(user!.LastSignInUtc);
        await using var db = await check.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.SignIns.CountAsync(s => s.UserId == user.Id));
        var admin = Caller.Of((await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
        var row = (await check.ServiceProvider.GetRequiredService<UserAdminService>().ListAsync(admin)).Single(u => u.Id == user.Id);
        Assert.NotNull(row.LastSignInUtc);
    }

    private async Task<string> CreateCoachAsync(string email)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
        return await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(admin, email, "Fay Founder", PortalServer.Password, [Roles.Coach]);
    }

    private async Task<MimeMessage> WaitForMessageAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(server.MailPickupDirectory))
            {
                foreach (var file in Directory.GetFiles(server.MailPickupDirectory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No e-mail to {to} in the pickup folder.");
    }

    [GeneratedRegex(@"/teams/(?<id>\d+)$")]
    private static partial Regex TeamPage();

    [GeneratedRegex(@"https?://\S+/invite/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
