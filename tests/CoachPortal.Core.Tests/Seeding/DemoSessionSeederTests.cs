using System.Diagnostics;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Seeding;

public sealed class DemoSessionSeederTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PortalTestHost _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ATeamGetsMonthsOfPlausibleSessionsQuicklyAndOnlyOnce()
    {
        await using (var setup = _world.CreateDb())
        {
            var cyclist = await setup.Athletes.SingleAsync(a => a.Id == _world.AthleteBProfile);
            cyclist.Sport = "Cycling";
            cyclist.FtpWatts = 260;
            await setup.SaveChangesAsync();
        }

        var watch = Stopwatch.StartNew();
        await _world.Get<DemoSessionSeeder>().SeedAsync("Team B");
        watch.Stop();
        output.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:0.0} s");

        await using var db = _world.CreateDb();
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.AthleteId == _world.AthleteBProfile).ToListAsync();
        Assert.InRange(sessions.Count, 40, 80);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.All(sessions, s =>
        {
            Assert.Equal(SessionSports.Cycling, s.Sport);
            Assert.InRange(s.AvgHeartRateBpm!.Value, 100, 180);
            Assert.InRange(s.NormalizedPowerWatts!.Value, 120, 320);
            Assert.NotNull(s.Tss);
            Assert.NotNull(s.TrimpBanister);
            Assert.NotNull(s.SessionRpeLoad);
        });
        var hard = sessions.Where(s => s.ClassLabel == "intervals").Average(s => s.IntensityFactor!.Value);
        var easy = sessions.Where(s => s.ClassLabel == "recovery").Average(s => s.IntensityFactor!.Value);
        Assert.True(hard > easy + 0.1, $"IF intervals {hard:0.00}, recovery {easy:0.00}");
        var largest = await db.SessionStreams.MaxAsync(d => d.Data.Length);
        Assert.True(largest <= 100 * 1024, $"{largest} bytes");

        await _world.Get<DemoSessionSeeder>().SeedAsync("Team B");
        await using var again = _world.CreateDb();
        Assert.Equal(sessions.Count, await again.TrainingSessions.CountAsync(s => s.AthleteId == _world.AthleteBProfile));
    }
}
