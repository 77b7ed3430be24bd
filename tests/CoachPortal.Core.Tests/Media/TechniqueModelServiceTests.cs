using CoachPortal.Core.Athletes;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Technique;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Vision;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Media;

public sealed class TechniqueModelServiceTests(PortalTestHost world, ITestOutputHelper output) : IClassFixture<PortalTestHost>
{
    private const int ClipFrames = (2 * TechniqueModelService.HalfWindow) + 1;

    [Fact]
    public async Task ACoachsGoodAndFixLabelsOnEightAthletesClipsTrainAKeypointModelThatBeatsTheBaselineAndIsPromotable()
    {
        var athletes = new List<int> { world.AthleteAProfile, world.TeamMateOfA };
        for (int i = athletes.Count; i < 8; i++)
        {
            athletes.Add(await world.Get<AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete($"Squatter{i}", "Team")));
        }

        for (int a = 0; a < athletes.Count; a++)
        {
            // Good squats raise the arms on the way down, those to fix on the way up: only the order of frames tells them apart.
            await AddLabelledVideoAsync(athletes[a], "back squat", 10, new Random(300 + a), 0.8 + (0.04 * a));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var view = await world.Get<TechniqueModelService>().TrainAsync(world.CoachA, world.TeamA, "Back Squat",
            new TechniqueOptions { Device = DevicePreference.Cpu, IntraOpThreads = 2 });
        output.WriteLine($"{view.Clips} clips of {view.WindowFrames} frames from {view.Athletes} athletes trained and judged in {clock.Elapsed.TotalSeconds:F1} s: {view.Message}");

        Assert.True(view.Trained, view.Message);
        Assert.Equal((80, 40, 8, ClipFrames), (view.Clips, view.GoodClips, view.Athletes, view.WindowFrames));
        Assert.True(view.ModelAccuracy > view.BaselineAccuracy, view.Message);
        Assert.True(view.ModelAccuracy >= 0.85, view.Message);
        Assert.True(view.Promotable, view.Message);
        Assert.Contains("may be promoted", view.Message, StringComparison.Ordinal);
        Assert.NotNull(view.OcclusionPeakFrame);
        Assert.NotEmpty(view.OnnxBytes!);
        Assert.Contains("back squat", await world.Get<TechniqueModelService>().ExercisesAsync(world.CoachA, world.TeamA));
    }

    [Fact]
    public async Task OnlyTheTeamsCoachesAndAdminsTrainItsTechniqueModel()
    {
        var service = world.Get<TechniqueModelService>();

        await Assert.ThrowsAsync<NotFoundException>(() => service.TrainAsync(world.CoachB, world.TeamA, null));
        await Assert.ThrowsAsync<NotFoundException>(() => service.TrainAsync(world.AthleteA, world.TeamA, null));
        await Assert.ThrowsAsync<NotFoundException>(() => service.ExercisesAsync(world.CoachB, world.TeamA));
        Assert.False((await service.TrainAsync(world.Admin, world.TeamB, null)).Trained);
    }

    [Fact]
    public async Task TooFewLabelsSayWhatIsNeededInsteadOfFailing()
    {
        await AddLabelledVideoAsync(world.TeamMateOfA, "lunge", 4, new Random(7), 1);

        var view = await world.Get<TechniqueModelService>().TrainAsync(world.CoachA, world.TeamA, "lunge");

        Assert.False(view.Trained);
        Assert.Equal((4, 1), (view.Clips, view.Athletes));
        Assert.Equal($"Training needs at least {TechniqueModelService.MinLabels} labelled frames (both good and fix) on clips with pose from "
            + $"{TechniqueModelService.MinAthletes} athletes; there are 4 (2 good) from 1.", view.Message);
    }

    [Fact]
    public void AWindowRepeatsTheEdgeFramesAndDropsDepth()
    {
        var values = new float[3 * KeypointCodec.ValuesPerFrame];
        for (int f = 0; f < 3; f++)
        {
            values[f * KeypointCodec.ValuesPerFrame] = f;
            values[(f * KeypointCodec.ValuesPerFrame) + 2] = 99;
            values[(f * KeypointCodec.ValuesPerFrame) + 3] = 0.5f;
        }

        var window = TechniqueModelService.Window(values, 0);

        Assert.Equal(ClipFrames * JointAngles.FrameWidth, window.Length);
        Assert.Equal(0, window[TechniqueModelService.HalfWindow * JointAngles.FrameWidth]);
        Assert.Equal(1, window[(TechniqueModelService.HalfWindow + 1) * JointAngles.FrameWidth]);
        Assert.Equal(2, window[^JointAngles.FrameWidth]);
        Assert.Equal(0.5f, window[2]);
    }

    // One video per athlete: squats of ClipFrames frames one after another, alternating good and fix, each labelled at its middle frame.
    private async Task AddLabelledVideoAsync(int athleteId, string exercise, int squats, Random random, double scale)
    {
        int sessionId;
        await using (var db = world.CreateDb())
        {
            var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddDays(-1), Title = "gym", DurationSeconds = 3600 };
            db.TrainingSessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }

        var mediaId = await world.Get<MediaService>().UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "squats.mp4", MediaFiles.Mp4()) { Exercise = exercise });
        var values = new float[squats * ClipFrames * KeypointCodec.ValuesPerFrame];
        for (int s = 0; s < squats; s++)
        {
            var clip = KeypointClips.Squat(s % 2 == 0, ClipFrames, random, scale);
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

        var analysis = world.Get<MediaAnalysisService>();
        await analysis.SaveKeypointsAsync(world.CoachA, mediaId, new PoseBatch(0, 30, 1, values));
        for (int s = 0; s < squats; s++)
        {
            int frame = (s * ClipFrames) + TechniqueModelService.HalfWindow;
            await analysis.AddLabelAsync(world.CoachA, mediaId, new FrameLabelInput(frame, frame / 30.0, s % 2 == 0 ? FrameLabels.Good : FrameLabels.Fix));
        }
    }
}
