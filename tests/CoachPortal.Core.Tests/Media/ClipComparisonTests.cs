using CoachPortal.Analytics.Pose;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Tests.Support;

namespace CoachPortal.Core.Tests.Media;

public sealed class ClipComparisonTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task ClipsToCompareAreTheAthletesAndTeammatesVideosThatTheCallerMaySee()
    {
        var media = world.Get<MediaService>();
        var own = await AddSessionAsync(world.AthleteAProfile);
        var mates = await AddSessionAsync(world.TeamMateOfA);
        var first = await UploadAsync(world.AthleteA, own, "squat before");
        var second = await UploadAsync(world.AthleteA, own, "squat after");
        var photo = await media.UploadAsync(world.AthleteA, new MediaUpload(own, null, "p.jpg", MediaFiles.Photo(64, 48)));
        var mate = await UploadAsync(world.CoachA, mates, "reference squat");

        var coachSees = (await media.CompareChoicesAsync(world.CoachA, first)).Select(c => c.Id).ToList();
        Assert.Contains(second, coachSees);
        Assert.Contains(mate, coachSees);
        Assert.DoesNotContain(first, coachSees);
        Assert.DoesNotContain(photo, coachSees);

        // The athlete sees their own clips only, not a teammate's.
        var athleteSees = (await media.CompareChoicesAsync(world.AthleteA, first)).Select(c => c.Id).ToList();
        Assert.Contains(second, athleteSees);
        Assert.DoesNotContain(mate, athleteSees);
        Assert.Equal("squat after", (await media.ClipAsync(world.AthleteA, second)).Name);

        // Another team's coach and another athlete see neither the clip nor what it could be compared with.
        foreach (var stranger in new[] { world.CoachB, world.AthleteB })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => media.CompareChoicesAsync(stranger, first));
            await Assert.ThrowsAsync<NotFoundException>(() => media.ClipAsync(stranger, first));
        }

        await Assert.ThrowsAsync<NotFoundException>(() => media.ClipAsync(world.AthleteA, mate));
        await Assert.ThrowsAsync<NotFoundException>(() => media.ClipAsync(world.AthleteA, photo));
    }

    [Fact]
    public void AClipLinesUpOnTheDeepestPointOfEachRepetitionAndOnItsLabelledFrames()
    {
        // 7 standing frames, then three squats of 40 frames (knee 170° → 90° → 170°): deepest at 27, 67 and 107.
        var knee = Enumerable.Repeat(170.0, 7)
            .Concat(Enumerable.Range(0, 120).Select(i => 170 - (80 * Math.Sin(Math.PI * (i % 40) / 40))))
            .Concat(Enumerable.Repeat(170.0, 20));
        var pose = new PoseSequence([.. knee.SelectMany(Frame)], 25, 1);
        var analysis = MediaAnalysisService.Analyse(pose, "back squat");
        FrameLabelView[] labels = [new(5, 40, 1.6, FrameLabels.Fix, null, null, null, DateTime.UtcNow)];

        var events = ClipAlignment.Events(analysis, labels);

        Assert.Equal(["start", "rep1", "rep2", "rep3", "label5"], events.Select(e => e.Key));
        Assert.Equal([0, 27, 67, 107, 40], events.Select(e => e.Frame));
        Assert.Equal("rep1", ClipAlignment.Default(events).Key);
        Assert.Equal("label5", ClipAlignment.Default(ClipAlignment.Events(null, labels)).Key);
        Assert.Equal("start", ClipAlignment.Default(ClipAlignment.Events(null, [])).Key);
    }

    private async Task<int> UploadAsync(Caller caller, int sessionId, string exercise)
    {
        var bytes = MediaFiles.WebM();
        Guid.NewGuid().ToByteArray().CopyTo(bytes, 100);
        return await world.Get<MediaService>().UploadAsync(caller, new MediaUpload(sessionId, null, "clip.webm", bytes) { Exercise = exercise });
    }

    private async Task<int> AddSessionAsync(int athleteId)
    {
        await using var db = world.CreateDb();
        var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddDays(-1), Title = "gym", DurationSeconds = 3600 };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    // Side-on landmarks with the knee at the given angle: shank vertical, thigh turned; all other points visible.
    private static float[] Frame(double kneeDegrees)
    {
        var values = new float[KeypointCodec.ValuesPerFrame];
        for (var i = 0; i < 33; i++)
        {
            (values[i * 4], values[(i * 4) + 1], values[(i * 4) + 3]) = (0.5f, 0.2f, 0.99f);
        }

        var r = (90 + 180 - kneeDegrees) * Math.PI / 180;
        (double X, double Y) ankle = (0.8, 0.9), kneePoint = (0.8, 0.68), hip = (0.8 - (0.22 * Math.Cos(r)), 0.68 - (0.22 * Math.Sin(r)));
        foreach (var (landmark, p) in new[] { (23, hip), (24, hip), (25, kneePoint), (26, kneePoint), (27, ankle), (28, ankle) })
        {
            (values[landmark * 4], values[(landmark * 4) + 1]) = ((float)p.X, (float)p.Y);
        }

        return values;
    }
}
