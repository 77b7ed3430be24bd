using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests;

/// <summary>The plan calendar and its charts on the narrowest common phone (375 px).</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class MobileLayoutTests(PortalServer server)
{
    [SkippableFact]
    public async Task OnA375PixelPhoneCalendarTitlesStayReadableAndChartLegendsClearTheZoomToolbar()
    {
        BrowserTest.RequireBrowser();
        var athleteId = await AthleteWithAPlanAsync();

        var page = await server.NewPageAsync(phone: true, phoneWidth: 375);
        await page.SignInAsync(PortalServer.AdminEmail);
        await page.GotoInteractiveAsync($"/athletes/{athleteId}/calendar");
        var titles = page.Locator("[data-testid=plan-calendar] .planned-item span");
        await titles.First.WaitForAsync();

        // One letter per line would make a title a few pixels wide and a dozen lines tall.
        var count = Math.Min(await titles.CountAsync(), 6);
        for (var i = 0; i < count; i++)
        {
            var title = titles.Nth(i);
            var box = await title.BoundingBoxAsync();
            var lines = await title.EvaluateAsync<double>("e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)");
            Assert.True(box!.Width >= 60, $"calendar title {i} is {box.Width:F0} px wide");
            Assert.True(lines <= 3.5, $"calendar title {i} takes {lines:F1} lines");
        }

        var chart = page.Locator("[data-chart=projection-pmc]");
        var legend = chart.Locator(".apexcharts-legend");
        var toolbar = chart.Locator(".apexcharts-toolbar");
        await legend.WaitForAsync();
        await toolbar.WaitForAsync();
        var l = await legend.BoundingBoxAsync();
        var t = await toolbar.BoundingBoxAsync();
        var overlap = l!.X < t!.X + t.Width && t.X < l.X + l.Width && l.Y < t.Y + t.Height && t.Y < l.Y + l.Height;
        Assert.False(overlap, $"legend ({l.X:F0},{l.Y:F0} {l.Width:F0}×{l.Height:F0}) overlaps the toolbar ({t.X:F0},{t.Y:F0} {t.Width:F0}×{t.Height:F0})");
        await page.ScreenshotAsync(server, "phone-375-calendar");
    }

    private async Task<int> AthleteWithAPlanAsync()
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var admin = Caller.Of((await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
        var teamId = await sp.GetRequiredService<TeamService>().CreateAsync(admin, new TeamInput { Name = "Pocket Runners", Sport = "Running" });
        var athleteId = await sp.GetRequiredService<AthleteService>().CreateAsync(admin, teamId,
            new AthleteInput { FirstName = "Pia", LastName = "Phone", Sport = "Running", HeartRateMaxBpm = 190, HeartRateRestBpm = 50 });
        var today = await sp.GetRequiredService<PlanCalendarService>().TodayOfAthleteAsync(admin, athleteId);
        var templateId = await sp.GetRequiredService<PlanTemplateService>().CreateAsync(admin, new PlanTemplateInput
        {
            Name = $"Phone plan {Guid.NewGuid():N}",
            Sport = SessionSports.Running,
            TeamId = teamId,
            FirstWeekTss = 240,
            RampPercentPerWeek = 5,
            Blocks = [new PlanBlockInput(PlanPhase.Base, 3), new PlanBlockInput(PlanPhase.Taper, 1)],
            Sessions = Enumerable.Range(0, 4).SelectMany(w => Enumerable.Range(0, 7).Select(d =>
                new PlanSessionInput(w, d, d % 2 == 0 ? "Easy run" : "Intervals", SessionSports.Running, d % 2 == 0 ? "40m @Z2" : "10m warmup @Z1; 4x(4m @Z4, 2m @Z1); 10m cooldown @Z1"))).ToList(),
        });
        await sp.GetRequiredService<PlanPersonalisationService>().AssignAsync(admin, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = athleteId,
            StartDate = today,
            EventDate = today.AddDays(20),
            EventName = "Pocket 10k",
            OverrideAcwr = true,
        });
        return athleteId;
    }
}
