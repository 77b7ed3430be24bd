using System.Globalization;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>The reader's culture, from the browser's language and then from their saved preference, on the live circuit.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class LocaleFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task DatesFollowTheBrowserLanguageUntilTheUserSavesGermanThenPagesAndInputsAreGerman()
    {
        BrowserTest.RequireBrowser();
        var email = $"locale-{Guid.NewGuid():N}"[..20] + "@e2e.test";
        var (userId, athleteId) = await SeedAsync(email);

        var page = await server.NewPageAsync(locale: "en-US");
        await page.SignInAsync(email);
        await page.GotoInteractiveAsync($"/athletes/{athleteId}/dashboard");
        await Assertions.Expect(page.Locator("[data-testid=test-result]")).ToHaveTextAsync("17:50");
        await Assertions.Expect(page.Locator("[data-testid=performance-entry] tbody td").First).ToHaveTextAsync("12/4/2026");
        Assert.Contains(DateTime.Today.ToString("d", CultureInfo.GetCultureInfo("en-US")), await InputValuesAsync(page));

        await page.GotoAsync("/Account/Manage");
        await page.Locator("[data-testid=profile-culture]").SelectOptionAsync("de-DE");
        await page.Locator("[data-testid=profile-units]").SelectOptionAsync("Imperial");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.GetByText("Your profile has been updated").WaitForAsync();
        using (var scope = server.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var saved = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Culture, u.Units }).SingleAsync();
            Assert.Equal("de-DE", saved.Culture);
            Assert.Equal(UnitSystem.Imperial, saved.Units);
        }

        // The browser still asks for en-US: the saved preference wins, on the page and in the circuit's inputs.
        await page.GotoInteractiveAsync($"/athletes/{athleteId}/dashboard");
        await Assertions.Expect(page.Locator("[data-testid=performance-entry] tbody td").First).ToHaveTextAsync("04.12.2026");
        Assert.Contains(DateTime.Today.ToString("d", CultureInfo.GetCultureInfo("de-DE")), await InputValuesAsync(page));
        Assert.Equal("de-DE", await page.Locator("html").GetAttributeAsync("lang"));
        await page.ScreenshotAsync(server, "locale-german");
    }

    /// <summary>The entry form's inputs, once the form is open (it is built only on demand).</summary>
    private static async Task<string[]> InputValuesAsync(IPage page)
    {
        await page.Locator("[data-testid=open-test-form]").ClickAsync();
        await page.Locator("[data-testid=add-test]").WaitForAsync();
        return await page.Locator("[data-testid=performance-entry] input").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
    }

    private async Task<(string UserId, int AthleteId)> SeedAsync(string email)
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
        var userId = await sp.GetRequiredService<UserAdminService>().CreateAsync(admin, email, "Lee Locale", PortalServer.Password, [Roles.Admin]);
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var team = new Team { Name = "Locale " + Guid.NewGuid().ToString("N")[..6] };
        var athlete = new Athlete { FirstName = "Lou", LastName = "Locale" };
        team.Athletes.Add(athlete);
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        db.PerformanceTests.Add(new PerformanceTest { AthleteId = athlete.Id, Date = new DateOnly(2026, 12, 4), Kind = "5 km time trial", Unit = "s", Value = 1070.05, HigherIsBetter = false });
        await db.SaveChangesAsync();
        return (userId, athlete.Id);
    }
}
