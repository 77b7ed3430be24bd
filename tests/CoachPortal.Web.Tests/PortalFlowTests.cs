using System.Net;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>The walking skeleton's user journeys, in a real browser against the real server.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class PortalFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task AdminCreatesATeamAssignsACoachWhoImportsARosterAndAnAthleteIsRefusedTheTeamPage()
    {
        BrowserTest.RequireBrowser();

        // Admin: create a team and give it to the coach.
        var admin = await server.NewPageAsync();
        await admin.SignInAsync(PortalServer.AdminEmail);
        await admin.GotoInteractiveAsync("/teams");
        await admin.Field("new-team-name").FillAsync("Harbour Rowers");
        await admin.Locator("[data-testid=create-team]").ClickAsync();
        var row = admin.Locator("tr", new() { Has = admin.GetByText("Harbour Rowers") });
        await row.WaitForAsync();
        await row.Locator("[data-testid=assign-coach]").ClickAsync();
        await admin.GetByText("Erin Coach (coach@e2e.test)").ClickAsync();
        await row.GetByText("Erin Coach").WaitForAsync();
        await admin.ScreenshotAsync(server, "admin-teams");

        // Coach: sees only that team, imports a roster with one bad line.
        var coach = await server.NewPageAsync();
        await coach.SignInAsync(PortalServer.CoachEmail);
        await coach.GotoInteractiveAsync("/teams");
        await coach.GetByText("Harbour Rowers").WaitForAsync();
        Assert.Equal(0, await coach.GetByText("Other Squad").CountAsync());
        await coach.Locator("[data-testid=team-link]", new() { HasText = "Harbour Rowers" }).ClickAsync();
        await coach.Locator("[data-testid=team-name]").WaitForAsync();
        await coach.WaitForCircuitAsync();
        var csv = "first_name,last_name,sex,sport,position,hr_max,hr_rest\nIda,Stroke,F,Rowing,Stroke,195,45\nJon,Bow,M,Rowing,Bow,500,40\nKai,Cox,M,Rowing,Cox,,\n";
        await coach.Locator("[data-testid=roster-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "rowers.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        var status = coach.Locator("[data-testid=import-status][data-status=Succeeded]");
        // A background job imports it: on a machine busy with other test assemblies it may wait for a worker.
        try
        {
            await status.WaitForAsync(new() { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("The roster import did not succeed: " + await coach.Locator("[data-testid=roster-file]").Locator("xpath=..").InnerHTMLAsync());
        }

        Assert.Contains("2 athlete(s) imported", await status.InnerTextAsync(), StringComparison.Ordinal);
        var errors = await coach.Locator("[data-testid=import-errors]").InnerTextAsync();
        Assert.Contains("Line 3", errors, StringComparison.Ordinal);
        Assert.Contains("HRmax", errors, StringComparison.Ordinal);
        var athletes = coach.Locator("[data-testid=athletes-table]");
        await athletes.GetByText("Ida Stroke").WaitForAsync();
        await athletes.GetByText("Kai Cox").WaitForAsync();
        Assert.Equal(0, await athletes.GetByText("Jon Bow").CountAsync());
        await coach.ScreenshotAsync(server, "coach-roster-import");
        var teamUrl = coach.Url;

        // Athlete: refused the team page, whatever the URL.
        var athlete = await server.NewPageAsync(phone: true);
        await athlete.SignInAsync(PortalServer.AthleteEmail);
        var response = await athlete.GotoAsync(teamUrl);
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await athlete.Locator("[data-testid=access-denied]").WaitForAsync();
        var other = await athlete.GotoAsync($"/teams/{server.OtherTeamId}");
        Assert.Equal((int)HttpStatusCode.Forbidden, other!.Status);
        await athlete.ScreenshotAsync(server, "athlete-refused");
    }

    [SkippableFact]
    public async Task TheJobDashboardDoesNotShowWhereTheDatabaseLives()
    {
        BrowserTest.RequireBrowser();

        var admin = await server.NewPageAsync();
        await admin.SignInAsync(PortalServer.AdminEmail);
        await admin.GotoAsync("/hangfire");
        await admin.GetByText("CoachPortal jobs").First.WaitForAsync();

        var html = await admin.ContentAsync();
        Assert.DoesNotContain("jobs.db", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("coachportal-e2e", html, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task AnAthleteSeesAndEditsOnlyTheirOwnProfileOnAPhone()
    {
        BrowserTest.RequireBrowser();
        var page = await server.NewPageAsync(phone: true);
        await page.SignInAsync(PortalServer.AthleteEmail);
        await page.GotoInteractiveAsync("/me");
        await page.Locator("[data-testid=athlete-name]", new() { HasText = "Ari Athlete" }).WaitForAsync();
        await page.Field("hr-max").FillAsync("250");
        await page.Locator("[data-testid=save-athlete]").ClickAsync();
        await page.GetByText("HRmax must be between 100 and 240 bpm.").WaitForAsync();
        await page.Field("hr-max").FillAsync("188");
        await page.Locator("[data-testid=save-athlete]").ClickAsync();
        await page.GetByText("Profile saved.").WaitForAsync();
        await page.ScreenshotAsync(server, "athlete-profile-phone");

        var response = await page.GotoAsync("/athletes/999999");
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }
}
