using System.IO.Compression;
using CoachPortal.Core.Tests.Support;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>An athlete imports a Strava export of their history and finds it in their personal-data download.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class HistoryArchiveFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task AnAthleteImportsAStravaExportAndFindsItsSessionsInThePersonalDataDownload()
    {
        BrowserTest.RequireBrowser();
        var corpus = FindCorpus();
        Skip.If(corpus is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "The shared corpus folder (shared/corpus) is not present.");
        Assert.NotNull(corpus);
        var archive = ExportArchiveBuilder.Strava(path => File.ReadAllBytes(Path.Combine(corpus, path)));

        // An athlete of their own: other journeys upload the same corpus files for the shared athlete.
        var email = await server.NewAthleteAccountAsync("Hana");
        var page = await server.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoInteractiveAsync("/me");
        await page.Locator("[data-testid=athlete-archive-import]").ClickAsync();
        await page.Locator("[data-testid=archive-import]").WaitForAsync();
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=archive-file]").SetInputFilesAsync(new FilePayload { Name = "export_12345.zip", MimeType = "application/zip", Buffer = archive });

        await page.Locator("[data-testid=archive-status][data-status=Succeeded]").WaitForAsync(new() { Timeout = 90_000 });
        Assert.Contains("3 imported, 0 already there, 1 failed, 1 not activities", await page.Locator("[data-testid=archive-counts]").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-testid=archive-session]", new() { HasText = "Morning Run" }).WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-testid=archive-entry][data-outcome=Failed]").CountAsync());
        await page.ScreenshotAsync(server, "history-archive-import");

        await page.GotoInteractiveAsync("/me/sessions");
        await page.Locator("[data-testid=sessions-count]", new() { HasText = "3 session(s)" }).WaitForAsync();

        await page.GotoInteractiveAsync("/me");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-personal-data]").ClickAsync());
        using var zip = new ZipArchive(File.OpenRead(await download.PathAsync()), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("sessions.csv")!.Open());
        var sessions = await reader.ReadToEndAsync();
        Assert.Contains("Morning Run", sessions, StringComparison.Ordinal);
        Assert.Contains("Evening Ride", sessions, StringComparison.Ordinal);
        Assert.Contains("Long Ride", sessions, StringComparison.Ordinal);
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
