using System.IO.Compression;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Sessions;

public sealed class SessionImportTests(PortalTestHost world, ITestOutputHelper output) : IClassFixture<PortalTestHost>
{
    private const string RunFile = "fit/garmin-fenix-5-run.fit";
    private const string BikeFile = "fit/garmin-fenix-5-bike.fit";
    private const string TcxFile = "tcx/test.tcx";

    [Fact]
    public async Task AnUploadedFileBecomesASessionWithMetricsStreamsAndLaps()
    {
        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "run.fit", Corpus.Read(RunFile));

        Assert.Equal(UploadStatus.Imported, upload.Status);
        Assert.Equal(1, upload.SessionCount);
        var sessionId = Assert.Single(upload.Entries).SessionId!.Value;
        var detail = await world.Get<SessionQueryService>().GetAsync(world.CoachA, sessionId);
        var s = detail.Session;
        Assert.Equal(world.TeamMateOfA, s.AthleteId);
        Assert.Equal(SessionSports.Running, s.Sport);
        Assert.Equal(DateTimeKind.Utc, s.StartUtc.Kind);
        Assert.True(s.DurationSeconds > 0);
        Assert.True(s.DistanceMeters > 0);
        Assert.NotNull(s.AvgHeartRateBpm);
        Assert.NotNull(s.TrimpBanister);
        Assert.NotNull(s.HrTss);
        Assert.Equal(upload.Id, s.SourceFileId);
        Assert.NotEmpty(detail.Series);
        Assert.Contains(detail.Series, x => x.Key == "hr");
        Assert.NotEmpty(detail.Laps);

        var list = await world.Get<SessionQueryService>().ListAsync(world.CoachA, world.TeamMateOfA, new SessionFilter { Sport = SessionSports.Running });
        Assert.Contains(list.Items, r => r.Id == sessionId && r.SourceFileName == "run.fit");
    }

    [Fact]
    public async Task TheSameBytesUploadedAgainCreateNoSecondSession()
    {
        var bytes = Corpus.Read(BikeFile);
        var first = await UploadAndRunAsync(world.AthleteA, world.AthleteAProfile, "bike.fit", bytes);
        Assert.Equal(UploadStatus.Imported, first.Status);

        var second = await world.Get<SessionImportService>().UploadAsync(world.CoachA, world.AthleteAProfile, "bike-again.fit", bytes);

        Assert.Equal(UploadStatus.Duplicate, second.Status);
        Assert.Equal(first.Id, second.DuplicateOfFileId);
        Assert.Contains("Already uploaded", second.FailureReason, StringComparison.Ordinal);
        await using var db = world.CreateDb();
        Assert.Equal(1, await db.TrainingSessions.CountAsync(s => s.AthleteId == world.AthleteAProfile && s.SourceFile!.Sha256 == db.UploadedFiles.Single(f => f.Id == first.Id).Sha256));
    }

    [Fact]
    public async Task ABrokenFileFailsWithItsReasonKeepsItsBytesAndCanBeRetried()
    {
        var garbage = Enumerable.Range(0, 500).Select(i => (byte)(i * 37 % 251)).ToArray();
        var upload = await UploadAndRunAsync(world.CoachA, world.AthleteAProfile, "broken.fit", garbage);

        Assert.Equal(UploadStatus.Failed, upload.Status);
        Assert.False(string.IsNullOrWhiteSpace(upload.FailureReason));
        await using (var db = world.CreateDb())
        {
            Assert.Equal(0, await db.TrainingSessions.CountAsync(s => s.SourceFileId == upload.Id));
        }

        var original = await world.Get<SessionQueryService>().GetOriginalAsync(world.AthleteA, upload.Id);
        Assert.Equal(garbage, original.Content);
        Assert.Equal("broken.fit", original.FileName);

        var retried = await world.Get<SessionImportService>().RetryAsync(world.CoachA, upload.Id);
        Assert.Equal(UploadStatus.Stored, retried.Status);
        await world.Get<SessionImportJob>().RunAsync(upload.Id, CancellationToken.None);
        var after = await world.Get<SessionImportService>().GetAsync(world.CoachA, upload.Id);
        Assert.Equal(UploadStatus.Failed, after.Status);
        Assert.Single(after.Entries);
    }

    [Fact]
    public async Task ARetryAfterACrashHalfWayStoresNoSessionTwice()
    {
        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "walk.fit", Corpus.Read("fit/garmin-fenix-5-walk.fit"));
        Assert.Equal(UploadStatus.Imported, upload.Status);

        // As if the process died after the session's transaction committed but before the file was marked done.
        await using (var db = world.CreateDb())
        {
            await db.UploadedFiles.Where(f => f.Id == upload.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, UploadStatus.Importing));
        }

        await world.Get<SessionImportJob>().RunAsync(upload.Id, CancellationToken.None);

        await using var check = world.CreateDb();
        Assert.Equal(1, await check.TrainingSessions.CountAsync(s => s.SourceFileId == upload.Id));
        Assert.Equal(UploadStatus.Imported, (await check.UploadedFiles.SingleAsync(f => f.Id == upload.Id)).Status);
    }

    [Fact]
    public async Task AZipImportsEachEntryAndABadEntryFailsAloneWithItsReason()
    {
        var zip = Zip(
            ("rides/edge.fit", Corpus.Read("fit/garmin-edge-820-bike.fit")),
            ("runs/test.tcx", Corpus.Read(TcxFile)),
            ("bad.fit", [0x0E, 0x10, 0x00, 0x00, 1, 2, 3, 4, 5, 6, 7]));

        var upload = await UploadAndRunAsync(world.CoachB, world.AthleteBProfile, "export.zip", zip);

        Assert.Equal(UploadStatus.Imported, upload.Status);
        Assert.Equal(3, upload.Entries.Count);
        Assert.Equal(2, upload.SessionCount);
        var bad = Assert.Single(upload.Entries, e => !e.Succeeded);
        Assert.Equal("bad.fit", bad.EntryName);
        Assert.False(string.IsNullOrWhiteSpace(bad.Message));
        Assert.Contains("bad.fit", upload.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAthleteCannotUploadForSomeoneElse()
    {
        var bytes = Corpus.Read(RunFile);

        await Assert.ThrowsAsync<ForbiddenException>(() => world.Get<SessionImportService>().UploadAsync(world.AthleteA, world.TeamMateOfA, "run.fit", bytes));
        await Assert.ThrowsAsync<ForbiddenException>(() => world.Get<SessionImportService>().UploadAsync(world.AthleteA, world.AthleteBProfile, "run.fit", bytes));
    }

    [Fact]
    public async Task ACoachCannotUploadForOrReadAnotherTeamsAthlete()
    {
        var bytes = Corpus.Read(RunFile);
        await Assert.ThrowsAsync<ForbiddenException>(() => world.Get<SessionImportService>().UploadAsync(world.CoachB, world.AthleteAProfile, "run.fit", bytes));

        var upload = await UploadAndRunAsync(world.AthleteA, world.AthleteAProfile, "own-run.tcx", Corpus.Read("tcx/no_hr.tcx"));
        var sessionId = upload.Entries.First(e => e.SessionId is not null).SessionId!.Value;
        var query = world.Get<SessionQueryService>();
        await Assert.ThrowsAsync<NotFoundException>(() => query.GetAsync(world.CoachB, sessionId));
        await Assert.ThrowsAsync<NotFoundException>(() => query.GetAsync(world.AthleteB, sessionId));
        await Assert.ThrowsAsync<NotFoundException>(() => query.GetOriginalAsync(world.CoachB, upload.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => query.ListAsync(world.CoachB, world.AthleteAProfile, new SessionFilter()));
        await Assert.ThrowsAsync<NotFoundException>(() => query.UpdateFeedbackAsync(world.CoachB, sessionId, 5, null, Guid.Empty));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<SessionImportService>().RetryAsync(world.CoachB, upload.Id));
    }

    [Fact]
    public async Task AFileOverTheConfiguredLimitIsRefusedWithTheLimitInTheMessage()
    {
        var service = world.Get<SessionImportService>();
        var tooBig = new byte[service.MaxFileBytes + 1];

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => service.UploadAsync(world.CoachA, world.AthleteAProfile, "huge.fit", tooBig));

        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAthleteAndTheCoachSetRpeAndTheSessionRpeLoadFollows()
    {
        var upload = await UploadAndRunAsync(world.AthleteA, world.AthleteAProfile, "sample.fit", Corpus.Read("fit/sample-activity.fit"));
        var sessionId = upload.Entries.First(e => e.SessionId is not null).SessionId!.Value;
        var query = world.Get<SessionQueryService>();
        var before = (await query.GetAsync(world.AthleteA, sessionId)).Session;

        var version = (await query.UpdateFeedbackAsync(world.AthleteA, sessionId, 6, "Heavy legs", before.Version)).Version;
        var rated = (await query.GetAsync(world.CoachA, sessionId)).Session;
        Assert.Equal(6, rated.Rpe);
        Assert.Equal("Heavy legs", rated.Comment);
        Assert.NotNull(rated.SessionRpeLoad);
        Assert.True(rated.SessionRpeLoad > 0);

        await query.UpdateFeedbackAsync(world.CoachA, sessionId, 3, "Coach: fine", version);
        var changed = (await query.GetAsync(world.AthleteA, sessionId)).Session;
        Assert.Equal(rated.SessionRpeLoad!.Value / 2, changed.SessionRpeLoad!.Value, 6);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => query.UpdateFeedbackAsync(world.AthleteA, sessionId, 4, null, version));
        await Assert.ThrowsAsync<ValidationFailedException>(() => query.UpdateFeedbackAsync(world.AthleteA, sessionId, 11, null, changed.Version));
    }

    [Fact]
    public async Task TheStravaFileWithATimestampDecadesLateImportsItsRunWithAWarningInBoundedMemory()
    {
        // Issue 19: this 78 KB file grew the server to ~24 GB (mean-maximal curves over 64 years of seconds).
        var bytes = Corpus.Read("fit/strava-android-app-201.10-b1218918.fit");
        var upload = await world.Get<SessionImportService>().UploadAsync(world.CoachA, world.TeamMateOfA, "strava.fit", bytes);
        var job = world.Get<SessionImportJob>();

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await job.RunAsync(upload.Id, CancellationToken.None);
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapGrowthBytes = GC.GetTotalMemory(forceFullCollection: false) - heapBefore;

        output.WriteLine($"import of {bytes.Length} bytes: {allocatedBytes} bytes allocated, heap grew by {heapGrowthBytes} bytes");
        var after = await world.Get<SessionImportService>().GetAsync(world.CoachA, upload.Id);
        Assert.Equal(UploadStatus.Imported, after.Status);
        Assert.Contains("1 of 473 samples had implausible timestamps (up to 64 years away", after.Warnings, StringComparison.Ordinal);
        var sessionId = Assert.Single(after.Entries).SessionId!.Value;
        var session = (await world.Get<SessionQueryService>().GetAsync(world.CoachA, sessionId)).Session;
        Assert.Equal(new DateTime(2021, 9, 27, 14, 13, 10, DateTimeKind.Utc), session.StartUtc);
        Assert.InRange(session.DurationSeconds, 300, 3600);
        Assert.True(session.DistanceMeters > 0);
        Assert.NotNull(session.SpeedCurveMetersPerSecond);

        // Everything the import allocated (parsing, analysis, EF and SQLite included) bounds its peak from above;
        // the job budgets 32 × 78 KB + 16 MB ≈ 18.5 MB for this file, and the whole import stays well under 64 MB.
        Assert.True(allocatedBytes < 64L << 20, $"the import allocated {allocatedBytes >> 20} MB");
        Assert.True(heapGrowthBytes < 64L << 20, $"the heap grew by {heapGrowthBytes >> 20} MB");
    }

    [Fact]
    public async Task AnActivityDatedBefore1990IsRefusedWithItsReasonAndTheJobEndsNormally()
    {
        var tcx = System.Text.Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
              <Activities><Activity Sport="Running"><Id>1985-05-01T08:00:00Z</Id>
                <Lap StartTime="1985-05-01T08:00:00Z"><TotalTimeSeconds>2</TotalTimeSeconds><Track>
                  <Trackpoint><Time>1985-05-01T08:00:00Z</Time><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>
                  <Trackpoint><Time>1985-05-01T08:00:01Z</Time><HeartRateBpm><Value>141</Value></HeartRateBpm></Trackpoint>
                </Track></Lap>
              </Activity></Activities>
            </TrainingCenterDatabase>
            """);

        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "old-clock.tcx", tcx);

        Assert.Equal(UploadStatus.Failed, upload.Status);
        Assert.Contains("start time (1985-05-01 08:00 UTC) is not plausible", upload.FailureReason, StringComparison.Ordinal);
        Assert.Null(Assert.Single(upload.Entries).SessionId);
    }

    [Fact]
    public async Task AGpxTrackWithoutDistanceGetsItsDistanceAndSpeedFromItsCoordinates()
    {
        // Twenty minutes due east along 46° N, a fix every 2 s, 7 m apart: 3.5 m/s, 4,200 m.
        var start = new DateTime(2024, 6, 2, 7, 0, 0, DateTimeKind.Utc);
        const double MetersPerDegreeOfLongitude = 6_371_008.8 * Math.PI / 180 * 0.69465837; // cos 46°
        var points = string.Concat(Enumerable.Range(0, 601).Select(i => FormattableString.Invariant(
            $"<trkpt lat=\"46.0\" lon=\"{14.0 + (i * 7.0 / MetersPerDegreeOfLongitude):F9}\"><time>{start.AddSeconds(2 * i):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>")));
        var gpx = System.Text.Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"logger\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>{points}</trkseg></trk></gpx>");

        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "east.gpx", gpx);

        Assert.Equal(UploadStatus.Imported, upload.Status);
        var session = (await world.Get<SessionQueryService>().GetAsync(world.CoachA, Assert.Single(upload.Entries).SessionId!.Value)).Session;
        Assert.Equal(4200, session.DistanceMeters!.Value, 4200 * 0.005);
        Assert.Equal(3.5, session.AvgSpeedMetersPerSecond!.Value, 3.5 * 0.02);
        Assert.InRange(session.MovingSeconds, 1190, 1201);
        Assert.NotNull(session.SpeedCurveMetersPerSecond);
    }

    private async Task<UploadView> UploadAndRunAsync(Caller caller, int athleteId, string name, byte[] bytes)
    {
        var upload = await world.Get<SessionImportService>().UploadAsync(caller, athleteId, name, bytes);
        Assert.Equal(UploadStatus.Stored, upload.Status);
        await world.Get<SessionImportJob>().RunAsync(upload.Id, CancellationToken.None);
        return await world.Get<SessionImportService>().GetAsync(caller, upload.Id);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        }

        return ms.ToArray();
    }
}
