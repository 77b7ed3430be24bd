using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests;

/// <summary>A coach opens the technique model from the Models page and trains it on the team's frame labels.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class TechniqueModelFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task ACoachWithoutEnoughLabelledFramesIsToldWhatTrainingNeeds()
    {
        BrowserTest.RequireBrowser();
        int teamId;
        using (var scope = server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = Caller.Of((await users.FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
            var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
            teamId = await teams.CreateAsync(admin, new TeamInput { Name = "Technique Squad", Sport = "Weightlifting" });
            await teams.AssignCoachAsync(admin, teamId, (await users.FindByEmailAsync(PortalServer.CoachEmail))!.Id);
        }

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.CoachEmail);
        await page.GotoInteractiveAsync($"/models?team={teamId}");
        Assert.Equal($"/teams/{teamId}/technique", await page.Locator("[data-testid=technique-link]").GetAttributeAsync("href"));
        await page.GotoInteractiveAsync($"/teams/{teamId}/technique");

        await page.Locator("[data-testid=technique-train]").ClickAsync();

        var result = page.Locator("[data-testid=technique-result]");
        await result.WaitForAsync();
        Assert.Contains("Training needs at least 20 labelled frames (both good and fix) on clips with pose from 6 athletes; there are 0 (0 good) from 0.",
            await result.InnerTextAsync(), StringComparison.Ordinal);
    }
}
