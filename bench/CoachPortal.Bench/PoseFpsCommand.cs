using System.Globalization;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Web.Tests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Bench;

/// <summary>
/// BlazePose speed in the pose page as a coach's browser runs it: the real portal in process, headless Chromium,
/// a generated constant-rate 1280×720 clip, and the page's own report (frames per second after the first frame,
/// and the first frame's time with the model load) for each model and input size. <c>--gl</c> picks how Chromium
/// gets WebGL: <c>swiftshader</c> (ANGLE over SwiftShader, software), <c>disabled</c> (<c>--disable-gpu</c>, as the
/// browser tests run) or <c>default</c> (whatever the machine offers).
/// </summary>
internal static class PoseFpsCommand
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var frames = BenchArgs.Int(args, "--frames", 45);
        var width = BenchArgs.Int(args, "--width", 1280);
        var height = BenchArgs.Int(args, "--height", 720);
        var timeoutSeconds = BenchArgs.Int(args, "--timeout", 900);
        var gl = BenchArgs.Text(args, "--gl", "swiftshader");
        var runs = BenchArgs.Text(args, "--runs", "1:0,0:0,0:640,0:320")
            .Split(',').Select(r => r.Split(':')).Select(p => (Model: int.Parse(p[0], CultureInfo.InvariantCulture), Input: int.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();
        var directory = Path.Combine(Path.GetTempPath(), "coachportal-pose", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var host = new ClubHost(directory);
            var (admin, sessionId) = await SeedAsync(host);
            using var playwright = await Playwright.CreateAsync();
            string[] flags = gl switch
            {
                "swiftshader" => ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
                "disabled" => ["--disable-gpu"],
                _ => [],
            };
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update", .. flags],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await page.Locator("input[name='Input.Email']").FillAsync(ClubHost.AdminEmail);
            await page.Locator("input[name='Input.Password']").FillAsync(ClubBuilder.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

            var webgl = await page.EvaluateAsync<string>("""
                () => {
                  const g = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
                  if (!g) { return 'none'; }
                  const info = g.getExtension('WEBGL_debug_renderer_info');
                  return (g instanceof WebGL2RenderingContext ? 'WebGL 2: ' : 'WebGL 1: ') + (info ? g.getParameter(info.UNMASKED_RENDERER_WEBGL) : g.getParameter(g.RENDERER));
                }
                """);
            Console.WriteLine($"pose-fps: Chromium {browser.Version}, --gl {gl} ({string.Join(' ', flags)}), WebGL: {webgl}, {Environment.ProcessorCount} cores, load {LoadAverage()}");

            var clip = Convert.FromBase64String(await page.EvaluateAsync<string>(GeneratedClip.Encode, new { frames, fps = 30, width, height }));
            int mediaId;
            using (var scope = host.Services.CreateScope())
            {
                mediaId = await scope.ServiceProvider.GetRequiredService<MediaService>().UploadAsync(admin, new MediaUpload(sessionId, null, "squat.webm", clip) { Exercise = "back squat" });
            }

            Console.WriteLine($"clip: {frames} frames, 30 fps, {width}×{height}, {clip.Length / 1024} KiB VP8 WebM");
            Console.WriteLine();
            Console.WriteLine("| model | input | frames | person found | first frame incl. model load (s) | fps after the first frame |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (model, input) in runs)
            {
                await page.GotoAsync($"/media/{mediaId}/pose?model={model}&input={input}");
                await page.Locator("[data-testid=pose-controls][data-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
                await page.Locator("[data-testid=run-pose]").ClickAsync();
                var result = page.Locator("[data-testid=pose-result]");
                await result.WaitForAsync(new() { Timeout = timeoutSeconds * 1000f });
                Console.WriteLine(FormattableString.Invariant(
                    $"| {(model == 0 ? "lite" : "full")} | {(input == 0 ? $"{width} px (as recorded)" : $"{input} px")} | {await result.GetAttributeAsync("data-frames")} | {await result.GetAttributeAsync("data-found")} | {await result.GetAttributeAsync("data-first-frame-seconds")} | {await result.GetAttributeAsync("data-fps")} |"));
            }

            // Inference alone: BlazePose on the same decoded frame again and again, no seeking, so the figure above
            // can be split into the model's time and the player's (seek and decode).
            var repeats = BenchArgs.Int(args, "--repeats", 10);
            foreach (var model in runs.Select(r => r.Model).Distinct())
            {
                await page.GotoAsync($"/media/{mediaId}/pose");
                await page.Locator("[data-testid=pose-controls][data-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
                var ms = await page.EvaluateAsync<double>(InferenceOnly, new { model, repeats });
                Console.WriteLine(FormattableString.Invariant($"inference only, {(model == 0 ? "lite" : "full")}, {width}×{height} frame: {ms:F0} ms per frame ({1000 / ms:F2} fps) over {repeats} repeats"));
            }

            Console.WriteLine($"load after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // The temporary folder is cleaned eventually.
            }
        }
    }

    private const string InferenceOnly = """
        async ({ model, repeats }) => {
          await import('/lib/mediapipe/pose/pose.js');
          const video = document.querySelector('[data-testid=pose-video]');
          const pose = new globalThis.Pose({ locateFile: f => `/lib/mediapipe/pose/${f}` });
          pose.setOptions({ modelComplexity: model, smoothLandmarks: true, enableSegmentation: false, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
          pose.onResults(() => {});
          await pose.initialize();
          await pose.send({ image: video });
          const started = performance.now();
          for (let i = 0; i < repeats; i++) { await pose.send({ image: video }); }
          const ms = (performance.now() - started) / repeats;
          await pose.close();
          return ms;
        }
        """;

    private static async Task<(Caller Admin, int SessionId)> SeedAsync(ClubHost host)
    {
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(ClubHost.AdminEmail))!.Id, Roles.Admin);
        var team = await sp.GetRequiredService<TeamService>().CreateAsync(admin, new TeamInput { Name = "Lifters", Sport = "Strength" });
        var athleteId = await sp.GetRequiredService<AthleteService>().CreateAsync(admin, team, new AthleteInput { FirstName = "Sam", LastName = "Squat" });
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddHours(-1), Title = "Gym", Sport = "Strength", DurationSeconds = 3600 };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return (admin, session.Id);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
