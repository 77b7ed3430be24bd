using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests;

/// <summary>A coach trains the session classifier from the Models page and compares it with its baselines.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class ModelsFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task ACoachTrainsTheSessionClassifierAndSeesItsMetricsNextToTheBaselines()
    {
        BrowserTest.RequireBrowser();
        var teamId = await SeedLabelledTeamAsync();

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.CoachEmail);
        await page.GotoInteractiveAsync($"/models?team={teamId}");
        await page.Locator("[data-testid=start-training]").WaitForAsync();

        await page.Locator("[data-testid=train-target]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Session class" }).ClickAsync();
        await page.Locator("[data-testid=train-architecture]", new() { HasText = "Session CNN" }).WaitForAsync();
        await page.Field("train-epochs").FillAsync("12");
        await page.Field("train-epochs").PressAsync("Tab");
        await page.Locator("[data-testid=start-training]").ClickAsync();

        var finished = page.Locator("[data-testid^=run-status-]", new() { HasText = "Succeeded" });
        await finished.First.WaitForAsync(new() { Timeout = 150_000 });
        Assert.Equal(0, await page.Locator("[data-testid^=run-status-]", new() { HasText = "Failed" }).CountAsync());

        var row = page.Locator("[data-testid=versions] tbody tr", new() { HasText = "Session class" }).First;
        await row.WaitForAsync();
        var text = await row.InnerTextAsync();
        Assert.Contains("of sessions well (macro-F1)", text, StringComparison.Ordinal);
        Assert.True(text.Contains("most common class", StringComparison.Ordinal) || text.Contains("session summaries", StringComparison.Ordinal), text);
        Assert.DoesNotContain("1 - macro-f1", text, StringComparison.Ordinal);

        // At a laptop's 1366 px the table fits: Promote and ONNX are on screen, no sideways scrolling.
        foreach (var button in new[] { row.Locator("[data-testid^=promote-]"), row.Locator("[data-testid^=onnx-]") })
        {
            var box = await button.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 1366, $"a version button lies outside the window: x {box.X}, width {box.Width}");
        }

        Assert.True(await page.Locator("[data-testid=versions] .mud-table-container").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"),
            "the versions table scrolls sideways at 1366 px");
        await row.ClickAsync();
        await page.Locator("[data-testid=confusion-model]").WaitForAsync();
        await page.Locator("[data-testid=confusion-baseline]").WaitForAsync();
        Assert.Contains("intervals", await page.Locator("[data-testid=confusion-model]").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(server, "models-session-cnn");

        // Promoted (with a reason, in case this small run lost to a baseline), the model classifies unlabelled sessions.
        // The reason field shows only for a version not shown to beat its baseline.
        var reason = page.Locator("[data-testid=override-reason] textarea, textarea[data-testid=override-reason]").First;
        var active = page.Locator("[data-testid^=version-status-]", new() { HasText = "Active" });
        Assert.Equal(0, await reason.CountAsync());
        await row.Locator("[data-testid^=promote-]").ClickAsync();
        await reason.Or(active).First.WaitForAsync();
        if (await reason.CountAsync() > 0)
        {
            await reason.FillAsync("Browser test: a short run.");
            await reason.PressAsync("Tab");
            await page.Locator("[data-testid=promote-anyway]").ClickAsync();
        }

        await active.WaitForAsync();

        var sessionId = await UnlabelledSessionAsync(teamId);
        var predicted = false;
        for (var attempt = 0; attempt < 40 && !predicted; attempt++)
        {
            await page.GotoInteractiveAsync($"/sessions/{sessionId}");
            await page.Locator("[data-testid=session-title]").WaitForAsync();
            predicted = await page.Locator("[data-testid=session-class-predicted]").CountAsync() > 0;
            if (!predicted)
            {
                await Task.Delay(1000);
            }
        }

        Assert.True(predicted, "no predicted class on the session page");
        Assert.Contains("predicted", await page.Locator("[data-testid=session-class-predicted]").InnerTextAsync(), StringComparison.Ordinal);

        // The coach corrects it: the label replaces the prediction.
        await page.Locator("[data-testid=session-class-select]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "race" }).ClickAsync();
        await page.Locator("[data-testid=session-class-save]").ClickAsync();
        await page.Locator("[data-testid=session-class]", new() { HasText = "race" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=session-class-predicted]").CountAsync());
        await page.ScreenshotAsync(server, "session-class-label");
    }

    private async Task<int> UnlabelledSessionAsync(int teamId)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.TrainingSessions.Where(s => s.Athlete!.TeamId == teamId && s.ClassLabel == null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    // A team of three runners coached by the e2e coach, with demo sessions (most of them labelled).
    private async Task<int> SeedLabelledTeamAsync()
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
        var coachId = (await users.FindByEmailAsync(PortalServer.CoachEmail))!.Id;
        var teams = sp.GetRequiredService<TeamService>();
        const string name = "Model Squad";
        var teamId = await teams.CreateAsync(admin, new TeamInput { Name = name, Sport = "Running" });
        await teams.AssignCoachAsync(admin, teamId, coachId);
        var athletes = sp.GetRequiredService<AthleteService>();
        foreach (var (first, pace) in new[] { ("Mia", "3:50"), ("Noor", "4:10"), ("Oli", "4:30") })
        {
            await athletes.CreateAsync(admin, teamId, new AthleteInput
            {
                FirstName = first,
                LastName = "Runner",
                Sport = "Running",
                HeartRateMaxBpm = 190,
                HeartRateRestBpm = 48,
                LactateThresholdHeartRateBpm = 170,
                ThresholdPace = pace,
            });
        }

        await sp.GetRequiredService<DemoSessionSeeder>().SeedAsync(name, days: 120);
        return teamId;
    }
}
