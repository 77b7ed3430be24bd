using CoachPortal.Analytics.Pose;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Exports;
using CoachPortal.Core.Media;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CoachPortal.Core.Tests.Media;

public sealed class MediaServiceTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task APhotoIsStoredWithAThumbnailAndAuditedAndOnlyTheAthleteAndTheirCoachesSeeIt()
    {
        var sessionId = await AddSessionAsync(world.AthleteAProfile);
        var photo = MediaFiles.Photo(1200, 900);
        var media = world.Get<MediaService>();

        var id = await media.UploadAsync(world.AthleteA, new MediaUpload(sessionId, null, "../../squat.jpg", photo) { Exercise = "back squat" });

        var item = Assert.Single(await media.ListAsync(world.CoachA, sessionId));
        Assert.Equal((id, MediaKind.Photo, "image/jpeg", "squat.jpg", 1200, 900), (item.Id, item.Kind, item.ContentType, item.OriginalName, item.WidthPixels!.Value, item.HeightPixels!.Value));
        Assert.True(item.CanLabel);
        Assert.Equal(photo, (await media.ContentAsync(world.AthleteA, id)).Content);
        using var thumbnail = SKBitmap.Decode(await media.ThumbnailAsync(world.CoachA, id));
        Assert.Equal((320, 240), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(photo, await world.Get<IFileStore>().GetAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)), default));

        Assert.Empty(await media.ListAsync(world.CoachB, sessionId));
        await Assert.ThrowsAsync<NotFoundException>(() => media.ContentAsync(world.CoachB, id));
        await Assert.ThrowsAsync<NotFoundException>(() => media.ThumbnailAsync(world.AthleteB, id));
        await using var db = world.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Upload && e.Target == $"media {id} of athlete {world.AthleteAProfile}" && e.UserId == world.AthleteA.UserId));
    }

    [Fact]
    public async Task NobodyAttachesToASessionTheyCannotSee()
    {
        var sessionId = await AddSessionAsync(world.AthleteAProfile);
        var teamMates = await AddSessionAsync(world.TeamMateOfA);
        var media = world.Get<MediaService>();
        var upload = new MediaUpload(sessionId, null, "a.mp4", MediaFiles.Mp4());

        await Assert.ThrowsAsync<NotFoundException>(() => media.UploadAsync(world.CoachB, upload));
        await Assert.ThrowsAsync<NotFoundException>(() => media.UploadAsync(world.AthleteB, upload));
        await Assert.ThrowsAsync<NotFoundException>(() => media.UploadAsync(world.AthleteA, upload with { SessionId = teamMates }));
        await Assert.ThrowsAsync<NotFoundException>(() => media.UploadAsync(world.CoachA, upload with { SessionId = null, PlannedSessionId = int.MaxValue }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => media.UploadAsync(world.CoachA, upload with { PlannedSessionId = 1 }));
        Assert.True(await media.UploadAsync(world.CoachA, upload with { SessionId = teamMates }) > 0);
    }

    [Fact]
    public async Task OnlyTheBytesDecideWhatAFileIsNotItsName()
    {
        var sessionId = await AddSessionAsync(world.AthleteAProfile);
        var media = world.Get<MediaService>();

        var script = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            media.UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "clip.mp4", "<script>alert(1)</script>"u8.ToArray())));
        Assert.Contains("Only JPEG, PNG or WebP", script.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationFailedException>(() => media.UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "empty.jpg", [])));

        // A JPEG's magic bytes followed by garbage is not a photo.
        byte[] fake = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[2000]];
        await Assert.ThrowsAsync<ValidationFailedException>(() => media.UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "x.jpg", fake)));

        var id = await media.UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "photo.mov", MediaFiles.Photo(200, 100, SKEncodedImageFormat.Png)));
        Assert.Equal("image/png", (await media.GetAsync(world.CoachA, id)).ContentType);
    }

    [Theory]
    [InlineData("jpeg", MediaKind.Photo, "image/jpeg")]
    [InlineData("png", MediaKind.Photo, "image/png")]
    [InlineData("webp", MediaKind.Photo, "image/webp")]
    [InlineData("mp4", MediaKind.Video, "video/mp4")]
    [InlineData("mov", MediaKind.Video, "video/quicktime")]
    [InlineData("webm", MediaKind.Video, "video/webm")]
    public void EachAcceptedFormatIsToldByItsMagicBytes(string format, MediaKind kind, string contentType)
    {
        var bytes = format switch
        {
            "jpeg" => MediaFiles.Photo(10, 10),
            "png" => MediaFiles.Photo(10, 10, SKEncodedImageFormat.Png),
            "webp" => MediaFiles.Photo(10, 10, SKEncodedImageFormat.Webp),
            "mp4" => MediaFiles.Mp4(),
            "mov" => MediaFiles.Mp4(brand: "qt  "),
            _ => MediaFiles.WebM(),
        };

        Assert.Equal(new SniffedMedia(kind, contentType), MediaSniffer.Sniff(bytes));
        Assert.Null(MediaSniffer.Sniff(bytes.AsSpan(1)));
    }

    [Fact]
    public async Task AVideoOverItsLimitIsRefusedWhileAPhotoOfTheSameSizeIsNot()
    {
        var sessionId = await AddSessionAsync(world.AthleteAProfile);
        var photo = MediaFiles.Photo(400, 300);
        var limits = Options.Create(new MediaOptions { MaxVideoBytes = photo.Length - 1, MaxPhotoBytes = photo.Length });
        var media = new MediaService(world.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), world.Get<IFileStore>(), limits, TimeProvider.System);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => media.UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "a.webm", MediaFiles.WebM(photo.Length))));
        Assert.Contains("larger than the limit", refused.Message, StringComparison.Ordinal);
        Assert.True(await media.UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "p.jpg", photo)) > 0);
        await Assert.ThrowsAsync<ValidationFailedException>(() => media.UploadAsync(world.CoachA, new MediaUpload(sessionId, null, "p.jpg", [.. photo, 0])));
    }

    [Fact]
    public async Task PoseSentInBatchesIsStoredCompactlyAndGivesAnglesAndExactRepetitions()
    {
        var (id, _) = await AddVideoAsync(world.AthleteAProfile, world.AthleteA);
        var analysis = world.Get<MediaAnalysisService>();
        var frames = Squats(5);
        var all = frames.SelectMany(f => f).ToArray();
        var half = frames.Length / 2 * KeypointCodec.ValuesPerFrame;

        await analysis.SaveKeypointsAsync(world.CoachA, id, new PoseBatch(0, 30, 16.0 / 9, all[..half]));
        var count = await analysis.SaveKeypointsAsync(world.CoachA, id, new PoseBatch(frames.Length / 2, 30, 16.0 / 9, all[half..]));

        Assert.Equal(frames.Length, count);
        var pose = await analysis.PoseAsync(world.AthleteA, id);
        Assert.NotNull(pose);
        Assert.Equal(frames.Length, pose.FrameCount);
        Assert.All(pose.Values.Zip(all), p => Assert.Equal(p.Second, p.First, 0.0001));
        await using (var db = world.CreateDb())
        {
            var stored = await db.MediaKeypoints.SingleAsync(k => k.MediaId == id);
            Assert.True(stored.Data.Length < all.Length, $"{stored.Data.Length} bytes for {all.Length} values");
        }

        var result = await analysis.AnalyseAsync(world.CoachA, id);
        Assert.NotNull(result);
        Assert.Equal(Joint.LeftKnee, result.RepetitionJoint);
        Assert.Equal(5, result.Repetitions.Count);
        Assert.InRange(result.AnglesDegrees[Joint.LeftKnee].Min(), 88, 92);
        Assert.Equal((await world.Get<MediaService>().GetAsync(world.CoachA, id)).PoseFrames, frames.Length);

        await Assert.ThrowsAsync<NotFoundException>(() => analysis.SaveKeypointsAsync(world.CoachB, id, new PoseBatch(0, 30, 1, all[..half])));
        await Assert.ThrowsAsync<NotFoundException>(() => analysis.AnalyseAsync(world.AthleteB, id));
        await Assert.ThrowsAsync<ValidationFailedException>(() => analysis.SaveKeypointsAsync(world.CoachA, id, new PoseBatch(0, 30, 1, all[..5])));
        await Assert.ThrowsAsync<ValidationFailedException>(() => analysis.SaveKeypointsAsync(world.CoachA, id, new PoseBatch(0, 30, 1, [.. all[..131], float.NaN])));
    }

    [Fact]
    public async Task OnlyTheAthletesCoachLabelsFramesAndEveryoneWhoSeesTheClipReadsTheLabels()
    {
        var (id, _) = await AddVideoAsync(world.AthleteAProfile, world.AthleteA);
        var analysis = world.Get<MediaAnalysisService>();

        await analysis.AddLabelAsync(world.CoachA, id, new FrameLabelInput(42, 1.4, FrameLabels.Fix, "back squat", "knees cave"));
        await analysis.AddLabelAsync(world.CoachA, id, new FrameLabelInput(12, 0.4, FrameLabels.Good));

        await Assert.ThrowsAsync<ForbiddenException>(() => analysis.AddLabelAsync(world.AthleteA, id, new FrameLabelInput(1, 0, FrameLabels.Good)));
        await Assert.ThrowsAsync<NotFoundException>(() => analysis.AddLabelAsync(world.CoachB, id, new FrameLabelInput(1, 0, FrameLabels.Good)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => analysis.AddLabelAsync(world.CoachA, id, new FrameLabelInput(1, 0, "great")));
        var labels = await analysis.LabelsAsync(world.AthleteA, id);
        Assert.Equal([12, 42], labels.Select(l => l.FrameIndex));
        Assert.Equal(("fix", "back squat", "coach.a@test.local"), (labels[1].Label, labels[1].Exercise, labels[1].ByEmail));
        await Assert.ThrowsAsync<NotFoundException>(() => analysis.LabelsAsync(world.CoachB, id));
    }

    [Fact]
    public async Task TheUploaderOrTheCoachDeletesMediaWithItsPoseAndLabelsAndTheBytesGo()
    {
        var (id, bytes) = await AddVideoAsync(world.AthleteAProfile, world.AthleteA);
        var (other, _) = await AddVideoAsync(world.AthleteAProfile, world.CoachA, size: 5000);
        var media = world.Get<MediaService>();
        var analysis = world.Get<MediaAnalysisService>();
        await analysis.SaveKeypointsAsync(world.AthleteA, id, new PoseBatch(0, 30, 1, Squats(1)[0]));
        await analysis.AddLabelAsync(world.CoachA, id, new FrameLabelInput(0, 0, FrameLabels.Good));

        await Assert.ThrowsAsync<NotFoundException>(() => media.DeleteAsync(world.CoachB, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => media.DeleteAsync(world.AthleteA, other));
        await media.DeleteAsync(world.AthleteA, id);
        await media.DeleteAsync(world.CoachA, other);

        await using var db = world.CreateDb();
        Assert.False(await db.SessionMedia.AnyAsync(m => m.Id == id || m.Id == other));
        Assert.False(await db.MediaKeypoints.AnyAsync(k => k.MediaId == id));
        Assert.False(await db.FrameLabels.AnyAsync(l => l.MediaId == id));
        Assert.Null(await world.Get<IFileStore>().GetAsync(Hash(bytes), default));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Deletion && e.Target == $"media {id} of athlete {world.AthleteAProfile}"));
    }

    [Fact]
    public async Task ErasingTheAthleteErasesTheirMediaPoseLabelsAndBytes()
    {
        var athleteId = await world.Get<Core.Athletes.AthleteService>().CreateAsync(world.CoachA, world.TeamA, PortalTestHost.AnAthlete("Mia", "Media"));
        var (id, bytes) = await AddVideoAsync(athleteId, world.CoachA, size: 7777);
        var analysis = world.Get<MediaAnalysisService>();
        await analysis.SaveKeypointsAsync(world.CoachA, id, new PoseBatch(0, 30, 1, Squats(1)[0]));
        await analysis.AddLabelAsync(world.CoachA, id, new FrameLabelInput(0, 0, FrameLabels.Fix));

        var result = await world.Get<ErasureService>().EraseAsync(world.CoachA, athleteId);

        Assert.Equal(1, result.Media);
        await using var db = world.CreateDb();
        Assert.False(await db.SessionMedia.AnyAsync(m => m.AthleteId == athleteId));
        Assert.False(await db.MediaKeypoints.AnyAsync(k => k.MediaId == id));
        Assert.False(await db.FrameLabels.AnyAsync(l => l.MediaId == id));
        Assert.Null(await world.Get<IFileStore>().GetAsync(Hash(bytes), default));
    }

    [Fact]
    public void KeypointsSurviveTheCodecToATenThousandth()
    {
        var rng = new Random(3);
        var values = Enumerable.Range(0, KeypointCodec.ValuesPerFrame * 90).Select(_ => (float)rng.NextDouble()).ToArray();

        var decoded = KeypointCodec.Decode(KeypointCodec.Encode(values));

        Assert.All(values.Zip(decoded), p => Assert.Equal(p.First, p.Second, 0.00006));
    }

    private async Task<(int Id, byte[] Bytes)> AddVideoAsync(int athleteId, Caller caller, int size = 6000)
    {
        var sessionId = await AddSessionAsync(athleteId);
        var bytes = MediaFiles.Mp4(size);
        Guid.NewGuid().ToByteArray().CopyTo(bytes, 100); // distinct content, so no other test's clip shares the stored bytes
        var id = await world.Get<MediaService>().UploadAsync(caller, new MediaUpload(sessionId, null, "clip.mp4", bytes) { Exercise = "back squat" });
        return (id, bytes);
    }

    private async Task<int> AddSessionAsync(int athleteId)
    {
        await using var db = world.CreateDb();
        var session = new TrainingSession { AthleteId = athleteId, StartUtc = DateTime.UtcNow.AddDays(-1), Title = "gym", DurationSeconds = 3600 };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    // A side-on figure squatting: 1 s standing, 1.5 s down to 90°, 0.5 s hold, 1 s up; landmarks as BlazePose gives them.
    private static float[][] Squats(int count)
    {
        var knee = new List<double>();
        for (var r = 0; r < count; r++)
        {
            knee.AddRange(Enumerable.Repeat(170.0, 30));
            knee.AddRange(Enumerable.Range(1, 45).Select(i => 170 - (80.0 * i / 45)));
            knee.AddRange(Enumerable.Repeat(90.0, 15));
            knee.AddRange(Enumerable.Range(1, 30).Select(i => 90 + (80.0 * i / 30)));
        }

        knee.AddRange(Enumerable.Repeat(170.0, 30));
        return [.. knee.Select(Frame)];
    }

    private static float[] Frame(double kneeDegrees)
    {
        const double aspect = 16.0 / 9;
        var values = new float[KeypointCodec.ValuesPerFrame];
        for (var i = 0; i < 33; i++)
        {
            values[(i * 4) + 0] = (float)(0.8 / aspect);
            values[(i * 4) + 1] = 0.2f;
            values[(i * 4) + 3] = 0.99f;
        }

        // Shank vertical, thigh turned so that the knee angle is as given; units of frame height.
        var ankle = (X: 0.8, Y: 0.9);
        var knee = (X: 0.8, Y: 0.68);
        var r = (90 + 180 - kneeDegrees) * Math.PI / 180;
        var hip = (X: knee.X - (0.22 * Math.Cos(r)), Y: knee.Y - (0.22 * Math.Sin(r)));
        foreach (var (landmark, p) in new[] { (23, hip), (24, hip), (25, knee), (26, knee), (27, ankle), (28, ankle) })
        {
            values[landmark * 4] = (float)(p.X / aspect);
            values[(landmark * 4) + 1] = (float)p.Y;
        }

        return values;
    }
}
