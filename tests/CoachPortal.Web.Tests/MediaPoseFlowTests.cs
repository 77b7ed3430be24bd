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
    // Draws a person-like figure (skin-toned head and limbs, clothes) squatting three times on a 1280×720 canvas
    // and records it with MediaRecorder as WebM; resolves to the file's bytes in base64.
    private const string RecordClip = """
        async ({ seconds, width, height }) => {
          const canvas = document.createElement('canvas');
          canvas.width = width; canvas.height = height;
          const g = canvas.getContext('2d');
          const stream = canvas.captureStream(0);
          const track = stream.getVideoTracks()[0];
          const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 4e6 });
          const chunks = [];
          recorder.ondataavailable = e => chunks.push(e.data);
          const limb = (a, b, w, c) => { g.strokeStyle = c; g.lineWidth = w; g.lineCap = 'round'; g.beginPath(); g.moveTo(a[0], a[1]); g.lineTo(b[0], b[1]); g.stroke(); };
          const draw = t => {
            const phase = (1 - Math.cos(2 * Math.PI * t / (seconds / 3))) / 2;   // 0 standing … 1 deepest
            const knee = Math.PI - phase * Math.PI / 2;                            // 180° … 90°
            g.fillStyle = '#d8d4cc'; g.fillRect(0, 0, width, height);
            g.fillStyle = '#9a8f80'; g.fillRect(0, height * 0.9, width, height * 0.1);
            const s = height / 720, ankle = [640 * s, 640 * s], shank = 150 * s, thigh = 150 * s;
            const kneeP = [ankle[0] + Math.sin(phase * 0.5) * shank, ankle[1] - Math.cos(phase * 0.5) * shank];
            const thighDir = -Math.PI / 2 + phase * 0.5 + (Math.PI - knee);
            const hip = [kneeP[0] - Math.cos(thighDir + Math.PI / 2) * thigh, kneeP[1] - Math.sin(thighDir + Math.PI / 2) * thigh];
            const lean = phase * 0.6, torso = 200 * s;
            const shoulder = [hip[0] + Math.sin(lean) * torso, hip[1] - Math.cos(lean) * torso];
            const head = [shoulder[0] + Math.sin(lean) * 60 * s, shoulder[1] - Math.cos(lean) * 60 * s];
            limb(ankle, [ankle[0] + 55 * s, ankle[1] + 10 * s], 26 * s, '#222');
            limb(hip, kneeP, 58 * s, '#1f3a93'); limb(kneeP, ankle, 46 * s, '#e0ac8a');
            limb(hip, shoulder, 90 * s, '#c0392b');
            const hand = [shoulder[0] + 130 * s, shoulder[1] + 10 * s];
            limb(shoulder, [shoulder[0] + 70 * s, shoulder[1] + 40 * s], 30 * s, '#c0392b');
            limb([shoulder[0] + 70 * s, shoulder[1] + 40 * s], hand, 24 * s, '#e0ac8a');
            g.fillStyle = '#e0ac8a'; g.beginPath(); g.ellipse(head[0], head[1], 34 * s, 42 * s, lean, 0, 2 * Math.PI); g.fill();
            g.fillStyle = '#3b2314'; g.beginPath(); g.ellipse(head[0] - 6 * s, head[1] - 22 * s, 34 * s, 22 * s, lean, 0, 2 * Math.PI); g.fill();
          };
          draw(0);
          recorder.start();
          const started = performance.now();
          // Frames are pushed explicitly: a headless page composites no frames of its own for the capture.
          await new Promise(resolve => {
            const tick = () => {
              const t = (performance.now() - started) / 1000;
              draw(Math.min(t, seconds));
              track.requestFrame();
              if (t < seconds) { setTimeout(tick, 1000 / 30); } else { resolve(); }
            };
            tick();
          });
          recorder.stop();
          await new Promise(resolve => recorder.onstop = resolve);
          const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
          let text = '';
          for (let i = 0; i < bytes.length; i += 0x8000) { text += String.fromCharCode(...bytes.subarray(i, i + 0x8000)); }
          return btoa(text);
        }
        """;

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
        var clip = Convert.FromBase64String(await page.EvaluateAsync<string>(RecordClip, new { seconds, width = 1280, height = 720 }));
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
