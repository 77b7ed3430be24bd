using System.Globalization;
using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Users;
using CoachPortal.Web.Features.Plans.Calendar;
using CoachPortal.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>The plan calendar and Today page in a real browser: a coach drags a session, an athlete reports one on a phone.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class PlanCalendarFlowTests(PortalServer server)
{
    private T Get<T>()
        where T : notnull => server.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<Caller> AdminAsync()
    {
        var users = Get<UserManager<ApplicationUser>>();
        return Caller.Of((await users.FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
    }

    /// <summary>A plan with a session every day from today to an event three weeks out.</summary>
    private async Task AssignPlanAsync(Caller admin, int teamId, int athleteId, DateOnly today)
    {
        var templateId = await Get<PlanTemplateService>().CreateAsync(admin, new PlanTemplateInput
        {
            Name = $"Calendar flow {Guid.NewGuid():N}",
            Sport = SessionSports.Running,
            TeamId = teamId,
            FirstWeekTss = 240,
            RampPercentPerWeek = 5,
            Blocks = [new PlanBlockInput(PlanPhase.Base, 3), new PlanBlockInput(PlanPhase.Taper, 1)],
            Sessions = Enumerable.Range(0, 4).SelectMany(w => Enumerable.Range(0, 7).Select(d =>
                new PlanSessionInput(w, d, d % 2 == 0 ? "Easy run" : "Intervals", SessionSports.Running, d % 2 == 0 ? "40m @Z2" : "10m warmup @Z1; 4x(4m @Z4, 2m @Z1); 10m cooldown @Z1"))).ToList(),
        });
        await Get<PlanPersonalisationService>().AssignAsync(admin, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = athleteId,
            StartDate = today,
            EventDate = today.AddDays(20),
            EventName = "Harbour 10k",

            // Other journeys upload sessions for the shared athlete; a thin history must not let the ACWR guard empty today.
            OverrideAcwr = true,
        });
    }

    [SkippableFact]
    public async Task ACoachDragsAPlannedSessionToAnotherDayAndTheMoveIsStored()
    {
        BrowserTest.RequireBrowser();
        var admin = await AdminAsync();
        var users = Get<UserManager<ApplicationUser>>();
        var coachId = (await users.FindByEmailAsync(PortalServer.CoachEmail))!.Id;
        var teamId = await Get<TeamService>().CreateAsync(admin, new TeamInput { Name = "Calendar Crew", Sport = "Running" });
        await Get<TeamService>().AssignCoachAsync(admin, teamId, coachId);
        var athleteId = await Get<AthleteService>().CreateAsync(admin, teamId, new AthleteInput { FirstName = "Cal", LastName = "Endar", Sport = "Running", HeartRateMaxBpm = 190, HeartRateRestBpm = 50 });
        var calendar = Get<PlanCalendarService>();
        var today = await calendar.TodayOfAthleteAsync(admin, athleteId);
        await AssignPlanAsync(admin, teamId, athleteId, today);

        // A session that can move one day later within the month shown.
        var shown = new CalendarRange(true, today);
        var plan = await calendar.GetAthleteAsync(admin, athleteId, today, shown.To);
        var session = plan.Planned.First(p => p.Date.AddDays(1) <= shown.To);
        var target = session.Date.AddDays(1);

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.CoachEmail);
        await page.GotoInteractiveAsync($"/athletes/{athleteId}/calendar");
        var item = page.Locator($"[data-testid=planned-{session.Id}]");
        await item.WaitForAsync();
        Assert.Equal(CalendarRange.ZoneOf(session.Date), await item.GetAttributeAsync("data-date"));
        await page.Locator("[data-testid=projection-panel] [data-testid=event-ctl]").WaitForAsync();

        await item.DragToAsync(page.Locator($"[data-testid=day-{CalendarRange.ZoneOf(target)}]"));
        await page.Locator($"[data-testid=planned-{session.Id}][data-date='{CalendarRange.ZoneOf(target)}']").WaitForAsync();
        await page.GetByText($"moved to {target.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-GB"))}").WaitForAsync();
        await page.ScreenshotAsync(server, "coach-plan-calendar");

        // Stored: the service reads the new day, and so does a fresh page.
        Assert.Equal(target, (await calendar.GetSessionAsync(admin, session.Id)).Date);
        await page.GotoInteractiveAsync($"/athletes/{athleteId}/calendar");
        await page.Locator($"[data-testid=planned-{session.Id}][data-date='{CalendarRange.ZoneOf(target)}']").WaitForAsync();

        // What-if: dropping a session lowers the projected event-day CTL at once; reset brings the stored figure back.
        var other = plan.Planned.First(p => p.Id != session.Id && p.Tss > 0);
        var eventCtl = page.Locator("[data-testid=event-ctl] [data-testid=value]");
        await eventCtl.WaitForAsync();
        var storedCtl = await eventCtl.InnerTextAsync();
        var drop = page.Locator($"[data-testid=what-if-{other.Id}] input[type=checkbox]");
        await drop.ClickAsync();
        await page.Locator("[data-testid=what-if-active]").WaitForAsync();
        await Assertions.Expect(eventCtl).Not.ToHaveTextAsync(storedCtl);
        Assert.True(double.Parse(await eventCtl.InnerTextAsync(), CultureInfo.InvariantCulture) < double.Parse(storedCtl, CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=what-if-reset]").ClickAsync();
        await Assertions.Expect(eventCtl).ToHaveTextAsync(storedCtl);
        Assert.Equal(0, await page.Locator("[data-testid=what-if-active]").CountAsync());

        // Applying the drop removes the session from the plan.
        await drop.ClickAsync();
        await page.Locator("[data-testid=what-if-active]").WaitForAsync();
        await page.Locator("[data-testid=what-if-apply]").ClickAsync();
        await page.Locator($"[data-testid=planned-{other.Id}]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assert.ThrowsAsync<NotFoundException>(() => calendar.GetSessionAsync(admin, other.Id));
        await Assertions.Expect(eventCtl).Not.ToHaveTextAsync(storedCtl);

        // The team calendar shows the same session on its new day (in its month view: the new day may be next week).
        await page.GotoInteractiveAsync($"/teams/{teamId}/calendar");
        await page.Locator("[data-testid=view-month]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=calendar-range]")).ToHaveTextAsync(shown.Title(new DisplayFormat(CultureInfo.GetCultureInfo("en-GB"), UnitSystem.Metric)));
        await page.Locator($"[data-testid=day-{CalendarRange.ZoneOf(target)}] [data-testid=planned-{session.Id}]").WaitForAsync();
    }

    [SkippableFact]
    public async Task AnAthleteOnAPhoneMarksTodaysSessionDoneWithRpe()
    {
        BrowserTest.RequireBrowser();
        var admin = await AdminAsync();
        var users = Get<UserManager<ApplicationUser>>();
        var athleteUserId = (await users.FindByEmailAsync(PortalServer.AthleteEmail))!.Id;
        var athlete = Caller.Of(athleteUserId, Roles.Athlete);
        var calendar = Get<PlanCalendarService>();
        var (athleteId, today, _) = await calendar.GetTodayAsync(athlete);

        // Other journeys change this athlete's availability; today must be a training day here, whatever day it is.
        await calendar.SaveAvailabilityAsync(admin, athleteId, 0x7F, null);
        await AssignPlanAsync(admin, server.OtherTeamId, athleteId, today);
        var (_, _, week) = await calendar.GetTodayAsync(athlete);
        var session = week.Planned.FirstOrDefault(p => p.Date == today && p.Status == PlannedSessionStatus.Planned)
            ?? throw new InvalidOperationException($"No planned session on {today}: {string.Join("; ", week.Planned.Select(p => $"{p.Date} {p.Status} {p.Tss:0} {p.ChangeReason}"))}");

        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(PortalServer.AthleteEmail);
        await page.GotoInteractiveAsync("/me/today");
        var card = page.Locator($"[data-testid=planned-{session.Id}]");
        await card.Locator("[data-testid=mark-done]").WaitForAsync();

        // Nothing wider than the phone: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the Today page scrolls sideways at 375 px");

        await card.Locator("input[data-testid=rpe], [data-testid=rpe] input").First.FillAsync("7");
        await card.Locator("textarea[data-testid=comment], [data-testid=comment] textarea").First.FillAsync("Legs felt fresh");
        await card.Locator("[data-testid=mark-done]").TapAsync();
        await page.Locator($"[data-testid=planned-{session.Id}][data-status=Done]").WaitForAsync();
        Assert.Equal("RPE 7", await card.Locator("[data-testid=reported-rpe]").InnerTextAsync());
        await page.ScreenshotAsync(server, "athlete-today-phone");

        var stored = await calendar.GetSessionAsync(admin, session.Id);
        Assert.Equal(PlannedSessionStatus.Done, stored.Status);
        Assert.Equal(7, stored.Rpe);
        Assert.Equal("Legs felt fresh", stored.Comment);
        await context.DisposeAsync();
    }
}
