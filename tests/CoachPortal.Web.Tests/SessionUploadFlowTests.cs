using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>Uploading device files in a real browser: good files become sessions, a broken one says why.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class SessionUploadFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task AnAthleteUploadsTwoDeviceFilesAndABrokenOneAndSeesTwoSessionsAndOneClearError()
    {
        BrowserTest.RequireBrowser();
        var corpus = FindCorpus();
        Skip.If(corpus is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "The shared corpus folder (shared/corpus) is not present.");
        Assert.NotNull(corpus);

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.AthleteEmail);
        await page.GotoInteractiveAsync("/sessions/upload");
        await page.Locator("[data-testid=uploads-table]").WaitForAsync();
        await page.Locator("[data-testid=upload-files]").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "fenix-run.fit", MimeType = "application/octet-stream", Buffer = File.ReadAllBytes(Path.Combine(corpus, "fit", "garmin-fenix-5-run.fit")) },
            new FilePayload { Name = "ride.tcx", MimeType = "application/xml", Buffer = File.ReadAllBytes(Path.Combine(corpus, "tcx", "test.tcx")) },
            new FilePayload { Name = "broken.fit", MimeType = "application/octet-stream", Buffer = [.. Enumerable.Range(0, 400).Select(i => (byte)(i * 31 % 251))] },
        });

        var imported = page.Locator("[data-testid=upload-status][data-status=Imported]");
        var failed = page.Locator("[data-testid=upload-status][data-status=Failed]");
        await page.WaitForFunctionAsync(
            "() => document.querySelectorAll('[data-testid=upload-status][data-status=Imported]').length === 2 && document.querySelectorAll('[data-testid=upload-status][data-status=Failed]').length === 1",
            null, new() { Timeout = 60_000 });
        Assert.Equal(2, await imported.CountAsync());
        Assert.Equal(1, await failed.CountAsync());
        var failedRow = page.Locator("tr", new() { Has = failed });
        Assert.Contains("broken.fit", await failedRow.InnerTextAsync(), StringComparison.Ordinal);
        var error = await failedRow.Locator("[data-testid=upload-error]").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(error));
        await page.ScreenshotAsync(server, "session-upload");

        await page.GotoInteractiveAsync("/me/sessions");
        await page.Locator("[data-testid=sessions-count]", new() { HasText = "2 session(s)" }).WaitForAsync();
        Assert.Equal(2, await page.Locator("[data-testid=session-link]").CountAsync());
        await page.Locator("[data-testid=session-link]").First.ClickAsync();
        await page.Locator("[data-testid=session-title]").WaitForAsync();
        await page.ScreenshotAsync(server, "session-page");
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
}
