using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Sessions;

/// <summary>Saving how a session felt touches the session row only: the page keeps its charts, the loads follow.</summary>
public sealed class SessionFeedbackTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task SavingAnRpeReadsNoStreamsAndReturnsTheNewLoad()
    {
        var sessionId = await AddSessionWithStreamsAsync(world.AthleteAProfile, durationSeconds: 3600);
        var before = (await world.Get<SessionQueryService>().GetAsync(world.AthleteA, sessionId)).Session;
        var counter = new CommandCounter();
        var service = CountingService(counter);

        var saved = await service.UpdateFeedbackAsync(world.AthleteA, sessionId, 6, "  Heavy legs ", before.Version);

        Assert.NotEmpty(counter.Commands);
        Assert.DoesNotContain(counter.Commands, c => c.Contains("SessionStreams", StringComparison.Ordinal));
        Assert.Equal(6, saved.Rpe);
        Assert.Equal("Heavy legs", saved.Comment);
        Assert.Equal(6 * 60, saved.SessionRpeLoad!.Value, 6); // RPE × 60 minutes
        Assert.NotEqual(before.Version, saved.Version);

        var stored = (await world.Get<SessionQueryService>().GetAsync(world.CoachA, sessionId)).Session;
        Assert.Equal((saved.Version, saved.Rpe, saved.Comment, saved.SessionRpeLoad), (stored.Version, stored.Rpe, stored.Comment, stored.SessionRpeLoad));
    }

    [Fact]
    public async Task ClearingTheRpeClearsItsLoad()
    {
        var sessionId = await AddSessionWithStreamsAsync(world.AthleteAProfile, durationSeconds: 1800);
        var query = world.Get<SessionQueryService>();
        var version = (await query.GetAsync(world.CoachA, sessionId)).Session.Version;
        var rated = await query.UpdateFeedbackAsync(world.CoachA, sessionId, 4, null, version);
        Assert.Equal(4 * 30, rated.SessionRpeLoad!.Value, 6);

        var cleared = await query.UpdateFeedbackAsync(world.CoachA, sessionId, null, "no rating", rated.Version);

        Assert.Null(cleared.Rpe);
        Assert.Null(cleared.SessionRpeLoad);
    }

    [Fact]
    public async Task SavingAnRpeQueuesTheLoadRecomputeOfTheAthlete()
    {
        var sessionId = await AddSessionWithStreamsAsync(world.TeamMateOfA, durationSeconds: 2400);
        var query = world.Get<SessionQueryService>();
        var version = (await query.GetAsync(world.CoachA, sessionId)).Session.Version;
        var generation = await GenerationAsync(world.TeamMateOfA);

        await query.UpdateFeedbackAsync(world.CoachA, sessionId, 7, null, version);

        Assert.Equal(generation + 1, await GenerationAsync(world.TeamMateOfA));
        await using var db = world.CreateDb();
        var start = await db.TrainingSessions.Where(s => s.Id == sessionId).Select(s => s.StartUtc).SingleAsync();
        var state = await db.LoadRecomputeStates.SingleAsync(s => s.AthleteId == world.TeamMateOfA);
        Assert.True(state.DirtyFromDate <= DateOnly.FromDateTime(start).AddDays(-1));
    }

    [Fact]
    public async Task AnotherTeamsCoachAndAnotherAthleteCannotSaveFeedback()
    {
        var sessionId = await AddSessionWithStreamsAsync(world.AthleteAProfile, durationSeconds: 600);
        var query = world.Get<SessionQueryService>();
        var version = (await query.GetAsync(world.AthleteA, sessionId)).Session.Version;

        await Assert.ThrowsAsync<NotFoundException>(() => query.UpdateFeedbackAsync(world.CoachB, sessionId, 5, "not mine", version));
        await Assert.ThrowsAsync<NotFoundException>(() => query.UpdateFeedbackAsync(world.AthleteB, sessionId, 5, "not mine", version));

        var unchanged = (await query.GetAsync(world.AthleteA, sessionId)).Session;
        Assert.Equal(version, unchanged.Version);
        Assert.Null(unchanged.Rpe);
        Assert.Null(unchanged.Comment);
    }

    private SessionQueryService CountingService(CommandCounter counter) => new(
        new CountingDbContextFactory(world.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), counter),
        world.Services.GetRequiredService<IFileStore>(),
        world.Get<SessionChangePublisher>());

    private async Task<int> AddSessionWithStreamsAsync(int athleteId, int durationSeconds)
    {
        await using var db = world.CreateDb();
        var athlete = await db.Athletes.SingleAsync(a => a.Id == athleteId);
        var columns = new StreamColumns
        {
            ElapsedSeconds = [.. Enumerable.Range(0, durationSeconds)],
            HeartRateBpm = [.. Enumerable.Range(0, durationSeconds).Select(i => 130.0 + (i % 40))],
            SpeedMetersPerSecond = [.. Enumerable.Repeat(3.2, durationSeconds)],
        };
        var start = DateTime.UtcNow.Date.AddDays(-3).AddHours(7).AddMinutes(durationSeconds % 60);
        var session = SessionBuilder.Build(athlete, SessionSports.Running, start, columns);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private async Task<long> GenerationAsync(int athleteId)
    {
        await using var db = world.CreateDb();
        return await db.LoadRecomputeStates.Where(s => s.AthleteId == athleteId).Select(s => s.Generation).SingleOrDefaultAsync();
    }
}
