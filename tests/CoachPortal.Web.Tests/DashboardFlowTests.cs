using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>The athlete dashboard's charts as the browser draws them.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class DashboardFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task TheDemoAthletesDashboardDrawsTheBestPowerCurveOnALogDurationAxisWithTheCpFit()
    {
        BrowserTest.RequireBrowser();
        var teamName = "Demo Tri " + Guid.NewGuid().ToString("N")[..6];
        int athleteId;
        using (var scope = server.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var team = new Team { Name = teamName };
            var athlete = new Athlete { FirstName = "Tia", LastName = "Curve", Sport = "Triathlon", FtpWatts = 250, LactateThresholdHeartRateBpm = 168, HeartRateMaxBpm = 188, HeartRateRestBpm = 48, ThresholdPaceSecondsPerKm = 250 };
            team.Athletes.Add(athlete);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            athleteId = athlete.Id;
            await scope.ServiceProvider.GetRequiredService<DemoSessionSeeder>().SeedAsync(teamName);
        }

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.AdminEmail);
        await page.GotoInteractiveAsync($"/athletes/{athleteId}/dashboard");

        var power = page.Locator("[data-chart=mmp-power]");
        await power.Locator("svg path.apexcharts-line").First.WaitForAsync();
        Assert.Equal(2, await power.Locator("path.apexcharts-line").CountAsync());
        foreach (var tick in new[] { "1 s", "1 min", "5 min", "20 min", "1 h" })
        {
            Assert.True(await power.Locator("text", new() { HasTextString = tick }).CountAsync() > 0, $"no '{tick}' label");
        }

        await Assertions.Expect(page.Locator("[data-testid=cp-fit]")).ToContainTextAsync("W′");
        await page.Locator("[data-chart=mmp-pace] svg path.apexcharts-line").First.WaitForAsync();

        await page.ScreenshotAsync(server, "athlete-dashboard-curves");
    }
}
