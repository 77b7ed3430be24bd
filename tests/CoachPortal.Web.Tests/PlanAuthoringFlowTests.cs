using System.Globalization;
using CoachPortal.Analytics.Planning;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>A coach writes a workout, builds a template around it, assigns it to a team and sees the personalised plans.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class PlanAuthoringFlowTests(PortalServer server)
{
    private async Task<(int TeamId, int AthleteId)> SeedCoachedTeamAsync(string teamName)
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
        var coachId = (await users.FindByEmailAsync(PortalServer.CoachEmail))!.Id;
        var teams = sp.GetRequiredService<TeamService>();
        var teamId = await teams.CreateAsync(admin, new TeamInput { Name = teamName, Sport = "Running" });
        await teams.AssignCoachAsync(admin, teamId, coachId);
        var athletes = sp.GetRequiredService<AthleteService>();
        var first = await athletes.CreateAsync(admin, teamId, new AthleteInput
        {
            FirstName = "Rita",
            LastName = "Runner",
            Sport = "Running",
            HeartRateMaxBpm = 190,
            HeartRateRestBpm = 48,
            LactateThresholdHeartRateBpm = 170,
            ThresholdPace = "4:10",
        });
        await athletes.CreateAsync(admin, teamId, new AthleteInput { FirstName = "Sam", LastName = "Strider", Sport = "Running" });
        return (teamId, first);
    }

    [SkippableFact]
    public async Task ACoachWritesAWorkoutBuildsATemplateAssignsItToATeamAndSeesThePersonalisedSessions()
    {
        BrowserTest.RequireBrowser();
        var (teamId, ritaId) = await SeedCoachedTeamAsync("Riverside Runners");
        var coach = await server.NewPageAsync();
        await coach.SignInAsync(PortalServer.CoachEmail);

        // Workout library: a typo is pointed at, the fix previews, and the workout is saved.
        await coach.GotoInteractiveAsync("/plans/workouts");
        await coach.Locator("[data-testid=new-workout]").ClickAsync();
        await coach.Field("workout-name").FillAsync("Tempo repeats");
        var text = coach.Locator("textarea[data-testid=workout-text], [data-testid=workout-text] textarea").First;
        await text.FillAsync("10m warmup @Z1; 4x(6m @Z7, 2m recovery @Z1)");
        var error = coach.Locator("[data-testid=preview-error]");
        await error.WaitForAsync();
        Assert.Contains("Line 1, column 25", await error.InnerTextAsync(), StringComparison.Ordinal);
        await text.FillAsync("10m warmup @Z1; 4x(6m @Z4, 2m recovery @Z1); 10m cooldown @Z1");
        await coach.Locator("[data-testid=workout-preview][data-valid=true]").WaitForAsync();
        Assert.StartsWith("52 min", (await coach.Locator("[data-testid=preview-estimate]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await coach.Locator("[data-testid=save-workout]").ClickAsync();
        await coach.GetByText("Saved Tempo repeats.").WaitForAsync();
        await coach.Locator("[data-testid=workout-item]", new() { HasText = "Tempo repeats" }).WaitForAsync();
        await coach.ScreenshotAsync(server, "coach-workout-library");

        // The step editor shows the same workout as steps and writes a new repeat group back as text.
        await coach.Locator("[data-testid=mode-steps]").ClickAsync();
        await coach.Locator("[data-testid=step-editor]").WaitForAsync();
        Assert.Equal(3, await coach.Locator("[data-testid=step-segment]").CountAsync());
        await coach.Locator("[data-testid=add-repeat]").ClickAsync();
        await coach.Locator("[data-testid=steps-as-text]", new() { HasText = "10m cooldown @Z1; 4x(3m @Z4, 2m recovery @Z1)" }).WaitForAsync();
        await coach.Locator("[data-testid=preview-repeat]").Nth(1).WaitForAsync();
        await coach.ScreenshotAsync(server, "coach-workout-steps");

        // Template: created from the list, two sessions a week placed from the library, saved.
        await coach.GotoInteractiveAsync("/plans/templates");
        await coach.Field("new-template-name").FillAsync("Spring 10k");
        await coach.Locator("[data-testid=create-template]").ClickAsync();
        await coach.Locator("[data-testid=template-name]", new() { HasText = "Spring 10k" }).WaitForAsync();
        await coach.WaitForCircuitAsync();
        Assert.Equal(4, await coach.Locator("[data-testid=template-week]").CountAsync());
        var added = 0;
        foreach (var (week, day) in new[] { (1, 1), (2, 3), (3, 1) })
        {
            await coach.Locator($"[data-testid=add-session-{week}-{day}]").ClickAsync();
            await coach.Locator("[data-testid=session-workout]").ClickAsync();
            await coach.Locator(".mud-popover-open").GetByText("Tempo repeats (Running)").ClickAsync();
            await coach.Locator("[data-testid=add-session-panel] [data-testid=workout-preview][data-valid=true]").WaitForAsync();
            await coach.Locator("[data-testid=add-session-confirm]").ClickAsync();

            // Each placement is on the grid before the next one starts.
            await Assertions.Expect(coach.Locator("[data-testid=template-session]")).ToHaveCountAsync(++added);
        }

        Assert.Equal(3, await coach.Locator("[data-testid=template-session]").CountAsync());
        await coach.Locator("[data-testid=save-template]").ClickAsync();
        await coach.GetByText("Template saved.").WaitForAsync();

        // Assign to the whole team with an A event four weeks out; the job personalises each athlete's plan.
        await coach.Locator("[data-testid=assign-team]").ClickAsync();
        await coach.Locator(".mud-popover-open").GetByText("Riverside Runners").ClickAsync();
        var eventDate = DateOnly.FromDateTime(DateTime.Today).AddDays(27);
        var eventField = coach.Field("assign-event-date");
        await eventField.FillAsync(eventDate.ToString("d", CultureInfo.GetCultureInfo("en-GB")));
        await eventField.PressAsync("Tab");
        await coach.Field("assign-event-name").FillAsync("Riverside 10k");
        await coach.Locator("[data-testid=assign]").ClickAsync();
        var progress = coach.Locator("[data-testid=assign-progress][data-done=true]");
        await progress.WaitForAsync(new() { Timeout = 60_000 });
        var results = coach.Locator("[data-testid=assign-result]");
        Assert.Equal(2, await results.CountAsync());
        var rita = await results.Filter(new() { HasText = "Rita Runner" }).InnerTextAsync();
        Assert.Matches(@"[1-9]\d* session\(s\)", rita);
        await coach.ScreenshotAsync(server, "coach-template-assigned");
        await coach.Locator("[data-testid=open-team-calendar]").ClickAsync();
        await coach.Locator("[data-testid=calendar-title]", new() { HasText = "Riverside Runners" }).WaitForAsync();

        using var scope = server.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var assignment = await db.PlanAssignments.AsNoTracking().SingleAsync(a => a.AthleteId == ritaId);
        Assert.Equal("Riverside 10k", assignment.EventName);
        Assert.Equal(eventDate, assignment.EventDate);
        Assert.Equal(EventPriority.A, assignment.Priority);
        var planned = await db.PlannedSessions.AsNoTracking().Where(s => s.AthleteId == ritaId).ToListAsync();
        Assert.NotEmpty(planned);
        Assert.All(planned, s => Assert.True(s.Date <= eventDate && s.PlannedTss > 0));
        Assert.Equal(2, await db.PlanAssignments.CountAsync(a => a.Athlete!.TeamId == teamId));
    }

    [SkippableFact]
    public async Task AnAthleteSetsTheirAvailabilityAndIssuesAndRevokesTheirCalendarFeed()
    {
        BrowserTest.RequireBrowser();
        var page = await server.NewPageAsync(phone: true);
        await page.SignInAsync(PortalServer.AthleteEmail);
        await page.GotoInteractiveAsync("/me");
        await page.Locator("[data-testid=availability-panel]").WaitForAsync();

        await page.Locator("input[data-testid=available-6], [data-testid=available-6] input").First.UncheckAsync();
        await page.Field("max-minutes").FillAsync("75");
        await page.Locator("[data-testid=save-availability]").ClickAsync();
        await page.GetByText("Availability saved.").WaitForAsync();
        using (var scope = server.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var athleteId = await db.Athletes.Where(a => a.Team!.Id == server.OtherTeamId).Select(a => a.Id).SingleAsync();
            var settings = await db.AthletePlanSettings.AsNoTracking().SingleAsync(s => s.AthleteId == athleteId);
            Assert.Equal(0x3F, settings.AvailableDaysMask);
            Assert.Equal(75, settings.MaxMinutesPerDay);
        }

        await page.Locator("[data-testid=issue-feed]").ClickAsync();
        var url = await page.Field("feed-url").InputValueAsync();
        Assert.Matches(@"/plans/feed/[A-Za-z0-9_-]{40,}\.ics$", url);
        var feed = await page.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.TextAsync(), StringComparison.Ordinal);

        await page.Locator("[data-testid=revoke-feed]").ClickAsync();
        await page.Locator("[data-testid=calendar-feed-panel][data-has-feed=false]").WaitForAsync();
        Assert.Equal(404, (await page.APIRequest.GetAsync(url)).Status);
        await page.ScreenshotAsync(server, "athlete-availability-feed");
    }

    [SkippableFact]
    public async Task WhenTwoPeopleSaveTheSameTemplateTheSecondIsToldAndKeepsTheirEdit()
    {
        BrowserTest.RequireBrowser();
        int templateId;
        using (var scope = server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var coachCaller = Caller.Of((await users.FindByEmailAsync(PortalServer.CoachEmail))!.Id, Roles.Coach);
            templateId = await scope.ServiceProvider.GetRequiredService<PlanTemplateService>().CreateAsync(coachCaller, new PlanTemplateInput
            {
                Name = "Shared build",
                Sport = "Running",
                Blocks = [new PlanBlockInput(PlanPhase.Base, 2), new PlanBlockInput(PlanPhase.Build, 2)],
            });
        }

        var coach = await server.NewPageAsync();
        await coach.SignInAsync(PortalServer.CoachEmail);
        await coach.GotoInteractiveAsync($"/plans/templates/{templateId}");
        await coach.Locator("[data-testid=template-name]").WaitForAsync();
        var admin = await server.NewPageAsync();
        await admin.SignInAsync(PortalServer.AdminEmail);
        await admin.GotoInteractiveAsync($"/plans/templates/{templateId}");
        await admin.Locator("[data-testid=template-name]").WaitForAsync();

        await admin.Field("first-week-tss").FillAsync("400");
        await admin.Locator("[data-testid=save-template]").ClickAsync();
        await admin.GetByText("Template saved.").WaitForAsync();

        await coach.Field("template-name-field").FillAsync("Coach's build");
        await coach.Locator("[data-testid=save-template]").ClickAsync();
        await coach.Locator("[data-testid=template-conflict]").WaitForAsync();
        Assert.Equal("Coach's build", await coach.Field("template-name-field").InputValueAsync());
        await coach.ScreenshotAsync(server, "coach-template-conflict");
        using (var scope = server.Services.CreateScope())
        {
            var stored = await ReadTemplateAsync(scope, templateId);
            Assert.Equal("Shared build", stored.Name);
            Assert.Equal(400, stored.FirstWeekTss);
        }

        await coach.Locator("[data-testid=keep-mine]").ClickAsync();
        await coach.GetByText("Template saved.").WaitForAsync();
        await coach.Locator("[data-testid=template-conflict]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        using (var scope = server.Services.CreateScope())
        {
            var stored = await ReadTemplateAsync(scope, templateId);
            Assert.Equal("Coach's build", stored.Name);
            Assert.Equal(4, stored.Blocks.Sum(b => b.Weeks));
        }
    }

    private static async Task<PlanTemplate> ReadTemplateAsync(IServiceScope scope, int templateId)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.PlanTemplates.AsNoTracking().Include(t => t.Blocks).SingleAsync(t => t.Id == templateId);
    }
}
