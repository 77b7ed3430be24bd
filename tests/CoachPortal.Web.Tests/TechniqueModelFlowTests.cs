using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Vision;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests;

/// <summary>
/// A coach opens the technique model from the Models page, trains it in the background on the team's frame labels,
/// and judges and promotes the version on the Models page next to its baseline.
/// </summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class TechniqueModelFlowTests(PortalServer server)
{
    private const int ClipFrames = (2 * TechniqueModelService.HalfWindow) + 1;

    [SkippableFact]
    public async Task ACoachWithoutEnoughLabelledFramesSeesTheRunFailWithWhatTrainingNeeds()
    {
        BrowserTest.RequireBrowser();
        var (teamId, _) = await TeamAsync("Technique Squad");

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.CoachEmail);
        await page.GotoInteractiveAsync($"/models?team={teamId}");
        Assert.Equal($"/teams/{teamId}/technique", await page.Locator("[data-testid=technique-link]").GetAttributeAsync("href"));
        await page.GotoInteractiveAsync($"/teams/{teamId}/technique");
        await page.Locator("[data-testid=technique-runs-empty]").WaitForAsync();

        await page.Locator("[data-testid=technique-train]").ClickAsync();

        var failure = page.Locator("[data-testid^=technique-run-failure-]");
        await failure.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("Training needs at least 20 labelled frames (both good and fix) on clips with pose from 6 athletes; there are 0 (0 good) from 0.",
            (await failure.InnerTextAsync()).Trim());
        Assert.Contains("Failed", await page.Locator("[data-testid^=technique-run-status-]").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ACoachTrainsTheTechniqueModelInTheBackgroundAndPromotesItOnTheModelsPage()
    {
        BrowserTest.RequireBrowser();
        var (teamId, coach) = await TeamAsync("Squat Squad");
        await LabelSquatsAsync(teamId, coach, athletes: 8, squats: 10);

        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.CoachEmail);
        await page.GotoInteractiveAsync($"/teams/{teamId}/technique");
        await page.Locator("[data-testid=technique-runs-empty]").WaitForAsync();
        await page.Locator("[data-testid=technique-train]").ClickAsync();

        await page.Locator("[data-testid^=technique-run-status-]", new() { HasText = "Succeeded" }).WaitForAsync(new() { Timeout = 120_000 });
        var onTechniquePage = page.Locator("[data-testid=versions] tbody tr", new() { HasText = "Technique" }).First;
        await onTechniquePage.WaitForAsync();
        await page.ScreenshotAsync(server, "technique-trained");

        await page.GotoInteractiveAsync($"/models?team={teamId}");
        var row = page.Locator("[data-testid=versions] tbody tr", new() { HasText = "Technique" }).First;
        await row.WaitForAsync();
        var text = await row.InnerTextAsync();
        Assert.Contains("KeypointCnn", text, StringComparison.Ordinal);
        Assert.Contains("of held-out athletes' labelled frames vs 50 % for always guessing the most common class", text, StringComparison.Ordinal);
        Assert.Contains("3 held out", text, StringComparison.Ordinal);
        Assert.DoesNotContain("error rate", text, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=runs] tbody tr", new() { HasText = "Technique" }).CountAsync());

        await row.ClickAsync();
        var detail = page.Locator("[data-testid=technique-detail]");
        await detail.WaitForAsync();
        Assert.Contains("80 (40 good, 40 fix)", await detail.InnerTextAsync(), StringComparison.Ordinal);

        // it beats the baseline: promoted without a reason, and nothing asks for one
        await row.Locator("[data-testid^=promote-]").ClickAsync();
        await page.Locator("[data-testid^=version-status-]", new() { HasText = "Active" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=override-reason]").CountAsync());
        await page.ScreenshotAsync(server, "models-technique-version");
    }

    private async Task<(int TeamId, Caller Coach)> TeamAsync(string name)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(PortalServer.AdminEmail))!.Id, Roles.Admin);
        var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
        var teamId = await teams.CreateAsync(admin, new TeamInput { Name = $"{name} {Guid.NewGuid():N}"[..24], Sport = "Weightlifting" });
        var coachId = (await users.FindByEmailAsync(PortalServer.CoachEmail))!.Id;
        await teams.AssignCoachAsync(admin, teamId, coachId);
        return (teamId, Caller.Of(coachId, Roles.Coach));
    }

    // Per athlete one clip of squats with stored pose, alternating good (arms up on the way down) and fix, each labelled.
    private async Task LabelSquatsAsync(int teamId, Caller coach, int athletes, int squats)
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        for (int a = 0; a < athletes; a++)
        {
            var athleteId = await sp.GetRequiredService<AthleteService>().CreateAsync(coach, teamId, new AthleteInput { FirstName = $"Squatter{a}", LastName = "Team" });
            int sessionId;
            await using (var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddDays(-1), Title = "gym", DurationSeconds = 3600 };
                db.TrainingSessions.Add(session);
                await db.SaveChangesAsync();
                sessionId = session.Id;
            }

            var mediaId = await sp.GetRequiredService<MediaService>().UploadAsync(coach, new MediaUpload(sessionId, null, "squats.mp4", Mp4(a)) { Exercise = "back squat" });
            var random = new Random(300 + a);
            var values = new float[squats * ClipFrames * KeypointCodec.ValuesPerFrame];
            for (int s = 0; s < squats; s++)
            {
                var clip = KeypointClips.Squat(s % 2 == 0, ClipFrames, random, 0.8 + (0.04 * a));
                for (int f = 0; f < ClipFrames; f++)
                {
                    for (int k = 0; k < JointAngles.Keypoints; k++)
                    {
                        int from = (f * JointAngles.FrameWidth) + (3 * k);
                        int to = ((((s * ClipFrames) + f) * JointAngles.Keypoints) + k) * 4;
                        (values[to], values[to + 1], values[to + 2], values[to + 3]) = (clip[from], clip[from + 1], 0, clip[from + 2]);
                    }
                }
            }

            var analysis = sp.GetRequiredService<MediaAnalysisService>();
            await analysis.SaveKeypointsAsync(coach, mediaId, new PoseBatch(0, 30, 1, values));
            for (int s = 0; s < squats; s++)
            {
                int frame = (s * ClipFrames) + TechniqueModelService.HalfWindow;
                await analysis.AddLabelAsync(coach, mediaId, new FrameLabelInput(frame, frame / 30.0, s % 2 == 0 ? FrameLabels.Good : FrameLabels.Fix));
            }
        }
    }

    // The start of an MP4 ("ftyp" box, brand isom), padded with bytes that differ per athlete so no two files share a hash.
    private static byte[] Mp4(int seed)
    {
        var bytes = new byte[4096];
        byte[] head = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0];
        head.CopyTo(bytes, 0);
        new Random(seed).NextBytes(bytes.AsSpan(head.Length));
        return bytes;
    }
}
