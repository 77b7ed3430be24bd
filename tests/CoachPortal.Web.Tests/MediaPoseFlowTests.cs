using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>
/// A clip on a session in a real browser: attached through the media panel, tracked by BlazePose on the page (its
/// WASM allowed by the pose page's policy only), landmarks stored beside it, angles charted with repetitions.
/// </summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class MediaPoseFlowTests(PortalServer server)
{
    // Landmarks of a side-on squat (knee 170° → 90° → 170°, three times), posted through the page's own endpoint.
    private const string PostSquatLandmarks = """
        async mediaId => {
          const fps = 30, reps = 3, perRep = 90, frames = [];
          for (let r = 0; r < reps; r++) {
            for (let i = 0; i < perRep; i++) {
              const knee = 170 - 80 * Math.sin(Math.PI * i / perRep);
              frames.push(knee);
            }
          }
          for (let i = 0; i < 20; i++) { frames.push(170); }
          const values = [];
          for (const kneeDeg of frames) {
            const lm = Array.from({ length: 33 }, () => [0.5, 0.2, 0, 0.99]);
            const ankle = [0.8, 0.9], knee = [0.8, 0.68], r = (90 + 180 - kneeDeg) * Math.PI / 180;
            const hip = [knee[0] - 0.22 * Math.cos(r), knee[1] - 0.22 * Math.sin(r)];
            for (const [i, p] of [[23, hip], [24, hip], [25, knee], [26, knee], [27, ankle], [28, ankle]]) { lm[i] = [p[0], p[1], 0, 0.99]; }
            values.push(...lm.flat());
          }
          const response = await fetch(`/media/${mediaId}/keypoints`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ startFrame: 0, framesPerSecond: fps, aspectRatio: 1, values }) });
          return response.status;
        }
        """;

    [SkippableFact]
    public async Task AClipAttachedOnTheSessionPageShowsItsStoredLandmarksAsAnAngleChartWithExactRepetitions()
    {
        BrowserTest.RequireBrowser();
        var sessionId = await AddSessionAsync();
        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.AthleteEmail);
        await page.GotoInteractiveAsync($"/sessions/{sessionId}");
        var mediaId = await AttachClipAsync(page, seconds: 1);
        await page.GotoAsync($"/media/{mediaId}/pose");
        Assert.Equal(200, await page.EvaluateAsync<int>(PostSquatLandmarks, mediaId));

        await page.GotoAsync($"/media/{mediaId}/pose");
        await page.Locator("[data-testid=pose-controls][data-ready=true]").WaitForAsync();
        await page.Locator("[data-testid=reps-count]", new() { HasText = "3 repetitions on the left knee" }).WaitForAsync();
        Assert.Equal(3, await page.Locator("[data-testid=reps-table] tbody tr").CountAsync());
        Assert.Equal(7, await page.Locator("[data-chart=joint-angles] .apexcharts-series[seriesName]").CountAsync());

    }

    private async Task<int> AttachClipAsync(IPage page, double seconds)
    {
        var clip = Convert.FromBase64String(await page.EvaluateAsync<string>(GeneratedClip.Encode, new { frames = (int)(seconds * 30), fps = 30, width = 1280, height = 720 }));
        await page.Field("media-exercise").FillAsync("back squat");
        await page.Locator("[data-testid=media-file]").SetInputFilesAsync(new FilePayload { Name = "squat.webm", MimeType = "video/webm", Buffer = clip });
        var item = page.Locator("[data-testid=media-item][data-kind=Video]");
        await item.WaitForAsync(new() { Timeout = 60_000 });
        return int.Parse(await item.GetAttributeAsync("data-media-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> AddSessionAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var athleteId = await db.Athletes.Where(a => a.User!.Email == PortalServer.AthleteEmail).Select(a => a.Id).SingleAsync();
        var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddHours(-2), Title = "Gym", Sport = "Strength", DurationSeconds = 3600 };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
