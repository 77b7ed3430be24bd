using System.IO.Compression;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Sessions;

public sealed class SessionImportTests(PortalTestHost world) : IClassFixture<PortalTestHost>
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

        var version = await query.UpdateFeedbackAsync(world.AthleteA, sessionId, 6, "Heavy legs", before.Version);
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
