using CoachPortal.Core.Athletes;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Tests.Media;
using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Vision;

namespace CoachPortal.Core.Tests.Support;

/// <summary>
/// A team's labelled technique data built through the portal's services: athletes, a session each, a video with
/// stored keypoints of synthetic squats (or rendered photos), and a coach's "good" or "fix" on each.
/// </summary>
internal static class TechniqueLabelling
{
    public const int ClipFrames = (2 * TechniqueModelService.HalfWindow) + 1;

    /// <summary>New athletes of the team, named after <paramref name="prefix"/>.</summary>
    public static async Task<List<int>> AthletesAsync(PortalTestHost world, Caller coach, int teamId, string prefix, int count)
    {
        var athletes = new List<int>();
        for (int i = 0; i < count; i++)
        {
            athletes.Add(await world.Get<AthleteService>().CreateAsync(coach, teamId, PortalTestHost.AnAthlete($"{prefix}{i}", "Team")));
        }

        return athletes;
    }

    /// <summary>
    /// One video per call: squats of <see cref="ClipFrames"/> frames one after another, alternating good and fix, each
    /// labelled at its middle frame. Good squats raise the arms on the way down, those to fix on the way up: only the
    /// order of frames tells them apart. With <paramref name="signal"/> false every squat moves the same way, so the
    /// labels cannot be learnt.
    /// </summary>
    public static async Task AddLabelledVideoAsync(PortalTestHost world, Caller coach, int athleteId, string exercise, int squats, Random random, double scale, bool signal = true)
    {
        var sessionId = await SessionAsync(world, athleteId);
        var mediaId = await world.Get<MediaService>().UploadAsync(coach, new MediaUpload(sessionId, null, "squats.mp4", MediaFiles.Mp4()) { Exercise = exercise });
        var values = new float[squats * ClipFrames * KeypointCodec.ValuesPerFrame];
        for (int s = 0; s < squats; s++)
        {
            var clip = signal ? KeypointClips.Squat(s % 2 == 0, ClipFrames, random, scale) : KeypointClips.Squat(true, ClipFrames, new Random(1), 1);
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
        await analysis.SaveKeypointsAsync(coach, mediaId, new PoseBatch(0, 30, 1, values));
        for (int s = 0; s < squats; s++)
        {
            int frame = (s * ClipFrames) + TechniqueModelService.HalfWindow;
            await analysis.AddLabelAsync(coach, mediaId, new FrameLabelInput(frame, frame / 30.0, s % 2 == 0 ? FrameLabels.Good : FrameLabels.Fix));
        }
    }

    /// <summary>Rendered photos of a figure, arms up labelled good, each uploaded and labelled on its only frame.</summary>
    public static async Task AddLabelledPhotosAsync(PortalTestHost world, Caller coach, int athleteId, string exercise, int photos, int good, Random random)
    {
        var sessionId = await SessionAsync(world, athleteId);
        var analysis = world.Get<MediaAnalysisService>();
        for (int i = 0; i < photos; i++)
        {
            bool armsUp = i < good;
            var mediaId = await world.Get<MediaService>().UploadAsync(coach, new MediaUpload(sessionId, null, $"frame{i}.png", FigureRenderer.Png(armsUp, 224, random)) { Exercise = exercise });
            await analysis.AddLabelAsync(coach, mediaId, new FrameLabelInput(0, 0, armsUp ? FrameLabels.Good : FrameLabels.Fix));
        }
    }

    private static async Task<int> SessionAsync(PortalTestHost world, int athleteId)
    {
        await using var db = world.CreateDb();
        var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddDays(-1), Title = "gym", DurationSeconds = 3600 };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
