using System.Globalization;
using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>
/// Frame-exact stepping and the side-by-side page, on constant-frame-rate clips whose frames show their own index
/// (<see cref="GeneratedClip"/>), so the test reads back which frame the browser really shows.
/// </summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class MediaFrameFlowTests(PortalServer server)
{
    private const int Fps = 25;

    // Side-on squat landmarks (knee 170° → 90° → 170°, three repetitions of 40 frames after `lead` standing frames,
    // deepest at frame lead + 20), posted at 25 fps through the page's own endpoint.
    private const string PostSquatLandmarks = """
        async ({ mediaId, lead, fps }) => {
          const perRep = 40, frames = [];
          for (let i = 0; i < lead; i++) { frames.push(170); }
          for (let r = 0; r < 3; r++) { for (let i = 0; i < perRep; i++) { frames.push(170 - 80 * Math.sin(Math.PI * i / perRep)); } }
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
            body: JSON.stringify({ startFrame: 0, framesPerSecond: fps, aspectRatio: 4 / 3, values }) });
          return response.status;
        }
        """;

    [SkippableFact]
    public async Task StepsMoveTheClipByExactlyOneFrameAtItsMeasuredRateAndTheChartCursorFollows()
    {
        BrowserTest.RequireBrowser();
        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.AthleteEmail);
        var mediaId = await AttachClipAsync(page, await AddSessionAsync(), "step test");

        // No landmarks yet: the page measures the clip's rate from the frames the browser presents.
        await page.GotoAsync($"/media/{mediaId}/pose");
        await page.Locator("[data-testid=pose-controls][data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal("25", await page.Locator("[data-testid=frame-number]").GetAttributeAsync("data-fps"));
        await ShowsAsync(page, 0);

        for (var i = 1; i <= 10; i++)
        {
            await page.Keyboard.PressAsync(".");
            await ShowsAsync(page, i);
        }

        for (var i = 11; i <= 13; i++)
        {
            await page.Locator("[data-testid=frame-next]").ClickAsync();
            await ShowsAsync(page, i);
        }

        // The browser's own account of the frame on screen: its presentation time, 13 / 25 s.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=frame-number]').dataset.mediaTime === '0.52'");
        Assert.Contains("Frame 13", await page.Locator("[data-testid=frame-number]").InnerTextAsync(), StringComparison.Ordinal);

        await page.Keyboard.PressAsync(",");
        await ShowsAsync(page, 12);

        // With landmarks stored at 25 fps, the chart's cursor sits on the frame's time.
        Assert.Equal(200, await page.EvaluateAsync<int>(PostSquatLandmarks, new { mediaId, lead = 0, fps = Fps }));
        await page.GotoAsync($"/media/{mediaId}/pose");
        await page.Locator("[data-testid=pose-controls][data-ready=true]").WaitForAsync();
        await page.Locator("[data-chart=joint-angles] .apexcharts-series[seriesName]").First.WaitForAsync();
        for (var i = 1; i <= 5; i++)
        {
            await page.Locator("[data-testid=frame-next]").ClickAsync();
            await ShowsAsync(page, i);
        }

        await page.WaitForFunctionAsync("() => document.querySelector('[data-chart=joint-angles]').dataset.cursorX === '0.2'");
    }

    [SkippableFact]
    public async Task TwoClipsSideBySideLineUpOnTheirDeepestPointsAndStepTogether()
    {
        BrowserTest.RequireBrowser();
        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.AthleteEmail);
        var sessionId = await AddSessionAsync();
        var before = await AttachClipAsync(page, sessionId, "squat before");
        var after = await AttachClipAsync(page, sessionId, "squat after");
        await page.GotoAsync($"/media/{before}/pose");
        Assert.Equal(200, await page.EvaluateAsync<int>(PostSquatLandmarks, new { mediaId = before, lead = 0, fps = Fps }));
        Assert.Equal(200, await page.EvaluateAsync<int>(PostSquatLandmarks, new { mediaId = after, lead = 12, fps = Fps }));

        // Chosen from the pose page's picker of the athlete's own clips.
        await page.GotoAsync($"/media/{before}/pose");
        await page.Locator("[data-testid=pose-controls][data-ready=true]").WaitForAsync();
        await page.Locator("[data-testid=compare-choice]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "squat after" }).ClickAsync();
        await page.Locator("[data-testid=open-compare]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/media/compare?left={before}&right={after}", StringComparison.Ordinal));
        await page.Locator("[data-testid=compare-controls][data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });

        // Deepest point of the first repetition: frame 20 of one, frame 32 of the other (12 standing frames first).
        Assert.Equal("20", await page.Locator("[data-testid=compare-left]").GetAttributeAsync("data-event-frame"));
        Assert.Equal("32", await page.Locator("[data-testid=compare-right]").GetAttributeAsync("data-event-frame"));
        await BothShowAsync(page, 20, 32);
        Assert.Equal(2, await page.Locator("[data-chart=clip-compare] .apexcharts-series[seriesName]").CountAsync());

        await page.Locator("[data-testid=compare-next]").ClickAsync();
        await BothShowAsync(page, 21, 33);
        await page.Keyboard.PressAsync(".");
        await BothShowAsync(page, 22, 34);
        await page.Locator("[data-testid=compare-back]").ClickAsync();
        await BothShowAsync(page, 21, 33);
        // The curves are drawn in seconds from each clip's moment; the cursor is one frame after it.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-chart=clip-compare]').dataset.cursorX === '0.04'");

        // Lined up on the first frame instead, the right clip goes back to its start.
        await page.Locator("[data-testid=compare-event-right]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "First frame" }).ClickAsync();
        await page.Locator("[data-testid=compare-right][data-event-frame='0']").WaitForAsync();
        await ShowsAsync(page, 0, "right");
    }

    [SkippableFact]
    public async Task TheSideBySidePageRefusesClipsTheCallerMayNotSee()
    {
        BrowserTest.RequireBrowser();
        var owner = await server.NewPageAsync();
        await owner.SignInAsync(PortalServer.AthleteEmail);
        var sessionId = await AddSessionAsync();
        var one = await AttachClipAsync(owner, sessionId, "lunge one");
        var two = await AttachClipAsync(owner, sessionId, "lunge two");
        var url = $"/media/compare?left={one}&right={two}";
        await owner.GotoAsync(url);
        await owner.Locator("[data-testid=compare-controls][data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });

        // The coach of another team, and another athlete of the same team: neither sees these clips.
        var coach = await server.NewPageAsync();
        await coach.SignInAsync(PortalServer.CoachEmail);
        var otherAthlete = await server.NewPageAsync();
        var otherEmail = await server.NewAthleteAccountAsync("Bo");
        await otherAthlete.SignInAsync(otherEmail);
        foreach (var stranger in new[] { coach, otherAthlete })
        {
            var response = await stranger.GotoAsync(url);
            Assert.Equal(404, response!.Status);
            await stranger.Locator("[data-testid=not-found]").WaitForAsync();
            Assert.Equal(0, await stranger.Locator("video").CountAsync());
            Assert.Equal(404, (await stranger.APIRequest.GetAsync($"/media/{one}/content")).Status);
        }

        // One visible clip beside an invisible one is refused as a whole.
        var mine = await AttachClipAsync(otherAthlete, await AddSessionAsync(otherEmail), "own clip");
        var mixed = await otherAthlete.GotoAsync($"/media/compare?left={mine}&right={one}");
        Assert.Equal(404, mixed!.Status);
    }

    [SkippableFact]
    public async Task RealBlazePoseTracksAGeneratedClipAndItsLandmarksAreStoredAndCharted()
    {
        BrowserTest.RequireBrowser();
        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.AthleteEmail);
        var mediaId = await AttachClipAsync(page, await AddSessionAsync(), "pose run", frames: 6, width: 640, height: 360);

        // The lite model, chosen from the address: six frames take well under a minute even on a loaded machine.
        await page.GotoAsync($"/media/{mediaId}/pose?model=0");
        await page.Locator("[data-testid=pose-controls][data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator("[data-testid=run-pose]").ClickAsync();
        var result = page.Locator("[data-testid=pose-result]");
        await result.WaitForAsync(new() { Timeout = 300_000 });

        Assert.Equal("6", await result.GetAttributeAsync("data-frames"));
        Assert.True(int.Parse(await result.GetAttributeAsync("data-found") ?? "0", CultureInfo.InvariantCulture) >= 4);
        var stored = await page.APIRequest.GetAsync($"/media/{mediaId}/keypoints");
        Assert.Equal(200, stored.Status);
        Assert.Equal(6, (await stored.JsonAsync())!.Value.GetProperty("frames").GetInt32());
        await page.Locator("[data-chart=joint-angles] .apexcharts-series[seriesName]").First.WaitForAsync();
        Assert.Equal(7, await page.Locator("[data-chart=joint-angles] .apexcharts-series[seriesName]").CountAsync());
    }

    private static async Task ShowsAsync(IPage page, int frame, string? side = null)
    {
        var counter = side is null ? "[data-testid=frame-number]" : $"[data-testid=frame-number-{side}]";
        var video = side is null ? "[data-testid=pose-video]" : $"[data-testid=compare-video-{side}]";
        await page.Locator($"{counter}[data-frame='{frame.ToString(CultureInfo.InvariantCulture)}']").WaitForAsync();
        await page.WaitForFunctionAsync($"([s, n]) => ({GeneratedClip.ShownIndex})(s) === n", new object[] { video, frame });
    }

    private static async Task BothShowAsync(IPage page, int left, int right)
    {
        await ShowsAsync(page, left, "left");
        await ShowsAsync(page, right, "right");
    }

    // By default 6.4 s at 25 fps, 320×240: enough frames for three repetitions of landmarks, quick to encode.
    private async Task<int> AttachClipAsync(IPage page, int sessionId, string exercise, int frames = 160, int width = 320, int height = 240)
    {
        await page.GotoInteractiveAsync($"/sessions/{sessionId}");
        var clip = Convert.FromBase64String(await page.EvaluateAsync<string>(GeneratedClip.Encode, new { frames, fps = Fps, width, height }));
        var existing = await page.Locator("[data-testid=media-item][data-kind=Video]").CountAsync();
        await page.Field("media-exercise").FillAsync(exercise);
        await page.Field("media-exercise").PressAsync("Tab");
        await page.Locator("[data-testid=media-file]").SetInputFilesAsync(new FilePayload { Name = "clip.webm", MimeType = "video/webm", Buffer = clip });
        var items = page.Locator("[data-testid=media-item][data-kind=Video]");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=media-item][data-kind=Video]').length > n", existing, new() { Timeout = 60_000 });
        // Newest first.
        return int.Parse(await items.First.GetAttributeAsync("data-media-id") ?? "0", CultureInfo.InvariantCulture);
    }

    private async Task<int> AddSessionAsync(string email = PortalServer.AthleteEmail)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var athleteId = await db.Athletes.Where(a => a.User!.Email == email).Select(a => a.Id).SingleAsync();
        var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddHours(-2), Title = "Gym", Sport = "Strength", DurationSeconds = 3600 };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
