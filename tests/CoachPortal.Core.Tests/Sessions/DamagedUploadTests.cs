using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Sessions;

public sealed class DamagedUploadTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task ATruncatedFitFileIsStoredAsDamagedAwaitingReviewWithTheShareRecovered()
    {
        var whole = Corpus.Read("fit/garmin-fenix-5-run.fit");
        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "cut-run.fit", Truncate(whole, 0.4));

        Assert.Equal(UploadStatus.Imported, upload.Status);
        Assert.Equal(1, upload.AwaitingReviewCount);
        var entry = Assert.Single(upload.Entries);
        Assert.True(entry.AwaitingReview);
        Assert.InRange(entry.RecoveredPercent!.Value, 30, 41);
        Assert.StartsWith($"damaged: {entry.RecoveredPercent} % of the recording recovered", entry.Message, StringComparison.Ordinal);
        await using var db = world.CreateDb();
        var session = await db.TrainingSessions.SingleAsync(s => s.Id == entry.SessionId);
        Assert.True(session.AwaitingReview);
        Assert.Equal(entry.RecoveredPercent, session.RecoveredPercent);
    }

    [Fact]
    public async Task AWholeFileIsNotFlaggedDamaged()
    {
        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "walk.fit", Corpus.Read("fit/garmin-fenix-5-walk.fit"));

        var entry = Assert.Single(upload.Entries);
        Assert.False(entry.AwaitingReview);
        Assert.Null(entry.RecoveredPercent);
        Assert.Equal(0, upload.AwaitingReviewCount);
    }

    [Fact]
    public async Task ADamagedSessionCountsInTheDailyLoadsOnlyOnceKept()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "Keeper");
        var upload = await UploadAndRunAsync(world.CoachA, athlete, "cut-bike.fit", Truncate(Corpus.Read("fit/garmin-edge-820-bike.fit"), 0.5));
        var sessionId = Assert.Single(upload.Entries).SessionId!.Value;
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);
        Assert.DoesNotContain(await LoadTestData.LoadsAsync(world, athlete), l => l.PrimaryLoad > 0);

        await world.Get<SessionImportService>().KeepDamagedAsync(world.CoachA, sessionId);
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);

        Assert.Contains(await LoadTestData.LoadsAsync(world, athlete), l => l.PrimaryLoad > 0);
        var after = await world.Get<SessionImportService>().GetAsync(world.CoachA, upload.Id);
        var entry = Assert.Single(after.Entries);
        Assert.False(entry.AwaitingReview);
        Assert.NotNull(entry.RecoveredPercent);
    }

    [Fact]
    public async Task DiscardingADamagedSessionDeletesItAndKeepsTheBytesAndTheReason()
    {
        var bytes = Truncate(Corpus.Read("fit/garmin-fenix-5-bike.fit"), 0.7);
        var upload = await UploadAndRunAsync(world.AthleteA, world.AthleteAProfile, "cut-bike.fit", bytes);
        var sessionId = Assert.Single(upload.Entries).SessionId!.Value;

        await world.Get<SessionImportService>().DiscardDamagedAsync(world.AthleteA, sessionId);

        var after = await world.Get<SessionImportService>().GetAsync(world.AthleteA, upload.Id);
        Assert.Equal(UploadStatus.Failed, after.Status);
        Assert.Equal(0, after.SessionCount);
        Assert.StartsWith("Discarded: damaged:", after.FailureReason, StringComparison.Ordinal);
        var entry = Assert.Single(after.Entries);
        Assert.False(entry.Succeeded);
        Assert.Null(entry.SessionId);
        await using (var db = world.CreateDb())
        {
            Assert.False(await db.TrainingSessions.AnyAsync(s => s.Id == sessionId));
        }

        var original = await world.Get<SessionQueryService>().GetOriginalAsync(world.AthleteA, upload.Id);
        Assert.Equal(bytes, original.Content);
    }

    [Fact]
    public async Task OnlyTheAthleteOrTheTeamsCoachMayKeepOrDiscardADamagedSession()
    {
        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "cut-edge.fit", Truncate(Corpus.Read("fit/garmin-edge-500-activity.fit"), 0.5));
        var sessionId = Assert.Single(upload.Entries).SessionId!.Value;
        var service = world.Get<SessionImportService>();

        // Another team's coach, and an athlete of the same team who is not the owner.
        await Assert.ThrowsAsync<NotFoundException>(() => service.KeepDamagedAsync(world.CoachB, sessionId));
        await Assert.ThrowsAsync<NotFoundException>(() => service.DiscardDamagedAsync(world.CoachB, sessionId));
        await Assert.ThrowsAsync<NotFoundException>(() => service.KeepDamagedAsync(world.AthleteA, sessionId));
        await Assert.ThrowsAsync<NotFoundException>(() => service.DiscardDamagedAsync(world.AthleteB, sessionId));

        await using var db = world.CreateDb();
        Assert.True((await db.TrainingSessions.SingleAsync(s => s.Id == sessionId)).AwaitingReview);
    }

    [Fact]
    public async Task ADamagedFileWithNoActivityLeftFailsSayingItIsDamaged()
    {
        var upload = await UploadAndRunAsync(world.CoachA, world.TeamMateOfA, "fragment.fit", Corpus.Read("fit/garmin-fenix-5-bike.fit")[..600]);

        Assert.Equal(UploadStatus.Failed, upload.Status);
        Assert.StartsWith("The file is damaged: ", upload.FailureReason, StringComparison.Ordinal);
    }

    private static byte[] Truncate(byte[] whole, double share) => whole[..(int)(whole.Length * share)];

    private async Task<UploadView> UploadAndRunAsync(Caller caller, int athleteId, string name, byte[] bytes)
    {
        var upload = await world.Get<SessionImportService>().UploadAsync(caller, athleteId, name, bytes);
        await world.Get<SessionImportJob>().RunAsync(upload.Id, CancellationToken.None);
        return await world.Get<SessionImportService>().GetAsync(caller, upload.Id);
    }
}
