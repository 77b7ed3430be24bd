using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>Damaged FIT files wait for Keep or Discard, and a CSV without a start is mapped by hand, in a real browser.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class DamagedAndCsvUploadFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task TwoTruncatedFitFilesAreKeptAndDiscardedAndACsvIsMappedByHandIntoASessionWithItsMetrics()
    {
        BrowserTest.RequireBrowser();
        var corpus = FindCorpus();
        Skip.If(corpus is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "The shared corpus folder (shared/corpus) is not present.");
        Assert.NotNull(corpus);
        var athleteId = await NewAthleteAsync();
        byte[] Cut(string file, double share)
        {
            var bytes = File.ReadAllBytes(Path.Combine(corpus, "fit", file));
            return bytes[..(int)(bytes.Length * share)];
        }

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.AdminEmail);
        await page.GotoInteractiveAsync($"/athletes/{athleteId}/sessions/upload");
        await page.Locator("[data-testid=uploads-table]").WaitForAsync();
        await page.Locator("[data-testid=upload-files]").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "keep-me.fit", MimeType = "application/octet-stream", Buffer = Cut("garmin-fenix-5-run.fit", 0.4) },
            new FilePayload { Name = "drop-me.fit", MimeType = "application/octet-stream", Buffer = Cut("garmin-fenix-5-bike.fit", 0.7) },
        });
        try
        {
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=upload-damaged][data-review=pending]').length === 2", null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail(await page.Locator("[data-testid=uploads-table]").InnerHTMLAsync());
        }
        var keepRow = page.Locator("tr", new() { HasText = "keep-me.fit" });
        var dropRow = page.Locator("tr", new() { HasText = "drop-me.fit" });
        Assert.Matches(@"damaged: \d+ % of the recording recovered", await keepRow.InnerTextAsync());
        Assert.Contains("damaged: needs review", await keepRow.Locator("[data-testid=upload-chip]").InnerTextAsync(), StringComparison.Ordinal);

        // Each review re-renders the table from the server (and so may the other file's job); a click that lands on a
        // row as it is replaced is dropped by the circuit, so a click is repeated while its button is still there.
        await ClickUntilAsync(keepRow.Locator("[data-testid=damage-keep]"), keepRow.Locator("[data-testid=upload-damaged][data-review=kept]"));
        var failed = dropRow.Locator("[data-testid=upload-status][data-status=Failed]");
        await ClickUntilAsync(dropRow.Locator("[data-testid=damage-discard]"), failed);
        await failed.WaitForAsync(new() { Timeout = 1_000 });
        Assert.Contains("Discarded: damaged:", await dropRow.Locator("[data-testid=upload-error]").InnerTextAsync(), StringComparison.Ordinal);

        // secs,hr,watts,cadence has no start: the mapping step asks for one.
        var csv = "secs,hr,watts,cadence\n" + string.Concat(Enumerable.Range(0, 1800).Select(i => $"{i},{140 + (i % 10)},{230 + (i % 20)},90\n"));
        await page.Locator("[data-testid=upload-files]").SetInputFilesAsync(new FilePayload { Name = "trainer.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("[data-testid=csv-mapping]").WaitForAsync();
        await page.Locator("[data-testid=csv-error]").WaitForAsync();
        Assert.True(await page.Locator("[data-testid=csv-import]").IsDisabledAsync());
        await page.Locator("[data-testid=csv-sport]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Cycling" }).ClickAsync();
        var start = page.Field("csv-start");
        await start.FillAsync("2026-03-14 07:30");
        await start.PressAsync("Tab");
        var summary = page.Locator("[data-testid=csv-summary]");
        await summary.WaitForAsync();
        Assert.Contains("starts 2026-03-14 07:30 UTC", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("avg power 240 W", await summary.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(server, "csv-mapping");
        await page.Locator("[data-testid=csv-import]").ClickAsync();

        var csvRow = page.Locator("tr", new() { HasText = "trainer.csv" });
        await csvRow.Locator("[data-testid=upload-status][data-status=Imported]").WaitForAsync(new() { Timeout = 60_000 });
        await page.ScreenshotAsync(server, "damaged-uploads");
        await csvRow.GetByText("Open session").ClickAsync();
        await page.Locator("[data-testid=session-title]").WaitForAsync();
        Assert.Contains("Cycling", await page.Locator("body").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("240", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoInteractiveAsync($"/athletes/{athleteId}/sessions");
        await page.Locator("[data-testid=sessions-count]", new() { HasText = "2 session(s)" }).WaitForAsync();
    }

    private async Task<int> NewAthleteAsync()
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var adminId = (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(PortalServer.AdminEmail))!.Id;
        var admin = Caller.Of(adminId, Roles.Admin);
        var team = await sp.GetRequiredService<TeamService>().CreateAsync(admin, new TeamInput { Name = $"Damage Squad {Guid.NewGuid():N}"[..20], Sport = "Cycling" });
        return await sp.GetRequiredService<AthleteService>().CreateAsync(admin, team, new AthleteInput { FirstName = "Dana", LastName = "Damaged" });
    }

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task ClickUntilAsync(ILocator button, ILocator done)
    {
        for (var attempt = 0; attempt < 4 && await done.CountAsync() == 0; attempt++)
        {
            if (await button.CountAsync() > 0)
            {
                await button.ClickAsync();
            }

            try
            {
                await done.WaitForAsync(new() { Timeout = 20_000 });
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        await done.WaitForAsync(new() { Timeout = 1_000 });
    }
}
