using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Load;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Wellness;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>
/// The history loader reads a whole batch of athletes at once (the nightly scoring reads hundreds): each history
/// must hold its own athlete's rows only, start at that athlete's first record and stop at the given day.
/// </summary>
public sealed class AthleteHistoryLoaderTests : IAsyncLifetime
{
    private readonly PortalTestHost _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task EachAthleteOfABatchGetsOnlyTheirOwnDaysFromTheirOwnFirstRecord()
    {
        var until = new DateOnly(2026, 3, 31);
        var (ada, tom, bo) = (_world.AthleteAProfile, _world.TeamMateOfA, _world.AthleteBProfile);
        await using (var db = _world.CreateDb())
        {
            // Ada: loads from 1 March, a check-in and a test; Tom: a check-in only, from 20 March; Bo: a load from
            // 10 February, a day after the batch's last day, and an injury of 3 days lost.
            for (var d = 0; d < 31; d++)
            {
                db.DailyLoads.Add(new DailyLoad { AthleteId = ada, Date = new DateOnly(2026, 3, 1).AddDays(d), PrimaryLoad = 100 + d, Ctl = d, SessionCount = 1, ComputedUtc = DateTime.UtcNow });
            }

            db.DailyLoads.Add(new DailyLoad { AthleteId = bo, Date = new DateOnly(2026, 2, 10), PrimaryLoad = 55, ComputedUtc = DateTime.UtcNow });
            db.DailyLoads.Add(new DailyLoad { AthleteId = bo, Date = until.AddDays(1), PrimaryLoad = 999, ComputedUtc = DateTime.UtcNow });
            db.WellnessCheckIns.Add(new WellnessCheckIn { AthleteId = ada, Date = new DateOnly(2026, 3, 5), Readiness = 7, SleepHours = 7.5 });
            db.WellnessCheckIns.Add(new WellnessCheckIn { AthleteId = tom, Date = new DateOnly(2026, 3, 20), Readiness = 3, Fatigue = 8 });
            db.PerformanceTests.Add(new PerformanceTest { AthleteId = ada, Date = new DateOnly(2026, 3, 10), Kind = "5 km", Unit = "s", HigherIsBetter = false, Value = 1200 });
            db.Injuries.Add(new Injury { AthleteId = bo, OnsetDate = new DateOnly(2026, 2, 20), DaysLost = 3 });
            await db.SaveChangesAsync();
        }

        List<AthleteHistory> histories;
        await using (var db = _world.CreateDb())
        {
            histories = await AthleteHistoryLoader.LoadAsync(db, [bo, tom, ada], until, CancellationToken.None);
        }

        Assert.Equal(new[] { ada, tom, bo }.Order(), histories.Select(h => h.AthleteId));
        var a = histories.Single(h => h.AthleteId == ada);
        var t = histories.Single(h => h.AthleteId == tom);
        var b = histories.Single(h => h.AthleteId == bo);

        Assert.Equal((new DateOnly(2026, 3, 1), 31), (a.Start, a.Days));
        Assert.Equal(130, a.Channels[DailyFeatures.Load][30]);
        Assert.Equal(7, a.Channels[DailyFeatures.Readiness][a.IndexOf(new DateOnly(2026, 3, 5))]);
        Assert.Equal(100, a.TestIndex[a.IndexOf(new DateOnly(2026, 3, 10))]);
        Assert.DoesNotContain(true, a.Injured);

        Assert.Equal((new DateOnly(2026, 3, 20), 12), (t.Start, t.Days));
        Assert.Equal(3, t.Channels[DailyFeatures.Readiness][0]);
        Assert.All(t.Channels[DailyFeatures.Load], v => Assert.True(double.IsNaN(v)));

        Assert.Equal(new DateOnly(2026, 2, 10), b.Start);
        Assert.Equal(until, b.DateOf(b.Days - 1));
        Assert.Equal(55, b.Channels[DailyFeatures.Load][0]);
        Assert.DoesNotContain(999, b.Channels[DailyFeatures.Load]);
        Assert.All(b.Channels[DailyFeatures.Readiness], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(3, b.Injured.Count(x => x));
        Assert.True(b.InjuryOnset[b.IndexOf(new DateOnly(2026, 2, 20))]);
    }
}
