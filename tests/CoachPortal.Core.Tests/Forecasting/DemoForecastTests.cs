using System.Diagnostics;
using System.Globalization;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using CoachPortal.Learning.Forecasting;
using CoachPortal.Learning.Simulation;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>
/// The demo team as a first start creates it (sessions, check-ins, tests, injuries) plus the simulated past the
/// "train demo models" action adds, then the readiness forecasters trained with the page's defaults on two threads.
/// The figures printed here are the ones in docs/benchmarks.md.
/// </summary>
public sealed class DemoForecastTests(DemoForecastTests.World fixture, ITestOutputHelper output) : IClassFixture<DemoForecastTests.World>
{
    private readonly PortalTestHost _world = fixture.Host;

    public sealed class World : IAsyncLifetime
    {
        public PortalTestHost Host { get; } = new();

        public Caller Coach { get; private set; } = default!;

        public int TeamId { get; private set; }

        public async Task InitializeAsync()
        {
            Host.Settings["Demo:Enabled"] = "true";
            Host.Settings["Models:IntraOpThreads"] = "2";
            await Host.InitializeAsync();
            await using var db = Host.CreateDb();
            var coachId = await db.Users.Where(u => u.Email == DatabaseInitializer.DemoCoachEmail).Select(u => u.Id).SingleAsync();
            Coach = Caller.Of(coachId, Roles.Coach);
            TeamId = await db.Teams.Where(t => t.Name == DatabaseInitializer.DemoTeamName).Select(t => t.Id).SingleAsync();
            await Host.Get<ModelDemoSeeder>().SeedHistoryAsync(Coach, TeamId);
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    [Theory]
    [InlineData(ForecastTarget.Readiness, ModelKind.GruForecaster)]
    [InlineData(ForecastTarget.Readiness, ModelKind.AttentionForecaster)]
    public async Task EachForecasterBeatsPersistenceOnTheDemoTeam(ForecastTarget target, ModelKind architecture)
    {
        var models = _world.Get<ModelService>();
        var runId = await models.StartTrainingAsync(fixture.Coach, new TrainingRunInput { Target = target, Architecture = architecture, TeamId = fixture.TeamId });
        var watch = Stopwatch.StartNew();
        await _world.Get<ModelTrainingJob>().RunAsync(runId, CancellationToken.None);
        watch.Stop();

        var run = await models.GetRunAsync(fixture.Coach, runId);
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.FailureReason);
        var version = await models.GetVersionAsync(fixture.Coach, run.ModelVersionId!.Value);
        double Mae(string baseline) => version.Metrics.Baselines[baseline]["mae"];
        output.WriteLine(
            $"{target} {architecture}: {version.TrainSamples} train / {version.TestSamples} test samples, MAE model {version.TestError:0.000}, "
            + $"persistence {Mae("persistence"):0.000}, ewma {Mae("ewma"):0.000}, banister {Mae("banister"):0.000}; "
            + $"training {version.TrainingSeconds:0.0} s, job {watch.Elapsed.TotalSeconds:0.0} s on {version.Device}, {ModelResultsJson.Serialize(version.Metrics.Training!)}");

        Assert.True(version.TestError < Mae("persistence"), $"model {version.TestError:0.000} vs persistence {Mae("persistence"):0.000}");
    }

    [Fact]
    public async Task DemoCheckInsLookLikeRealAthletes()
    {
        // The demo's mornings come from the simulator calibrated on PMData (Thambawita et al., 2020), whose eight
        // athletes show: mean 4.64, SD of athlete means 1.02, lag-1 autocorrelation 0.44, 6.3 % of reports at 0, and
        // a weak pull of the load on the next morning (correlation -0.09; docs/benchmarks.md). Until the demo used the
        // simulator, this test asked for the opposite: a morning after a heavy day a whole point below one after rest,
        // which real athletes do not show. The bands allow for the demo's own eight athletes and loads.
        await using var db = _world.CreateDb();
        var ids = await db.Athletes.Where(a => a.TeamId == fixture.TeamId).Select(a => a.Id).ToListAsync();
        var loads = await db.DailyLoads.AsNoTracking().Where(l => ids.Contains(l.AthleteId)).ToDictionaryAsync(l => (l.AthleteId, l.Date), l => l.PrimaryLoad);
        var checkIns = await db.WellnessCheckIns.AsNoTracking().Where(w => ids.Contains(w.AthleteId)).ToListAsync();
        var series = new List<WellnessSeries>();
        foreach (var athlete in checkIns.GroupBy(c => c.AthleteId))
        {
            var first = athlete.Min(c => c.Date);
            var one = new WellnessSeries(athlete.Key.ToString(CultureInfo.InvariantCulture), first, athlete.Max(c => c.Date).DayNumber - first.DayNumber + 1);
            Array.Fill(one[WellnessChannel.Readiness], double.NaN);
            foreach (var c in athlete.Where(c => c.Readiness is not null))
            {
                one[WellnessChannel.Readiness][c.Date.DayNumber - first.DayNumber] = c.Readiness!.Value;
            }

            for (var d = 0; d < one.Days; d++)
            {
                one[WellnessChannel.Load][d] = loads.GetValueOrDefault((athlete.Key, first.AddDays(d)));
            }

            series.Add(one);
        }

        var stats = WellnessStatistics.Of(series);
        output.WriteLine(stats.ToString());
        Assert.Equal(8, stats.Athletes);
        Assert.InRange(stats.Mean, 3.5, 6.0);
        Assert.InRange(stats.AthleteMeanSpread, 0.3, 2.0);
        Assert.InRange(stats.Lag1Autocorrelation, 0.2, 0.7);
        Assert.InRange(stats.FloorShare, 0.01, 0.15);
        Assert.InRange(stats.LoadCoupling, -0.3, 0.1);
        Assert.All(checkIns, c => Assert.True(c.IsSimulated));
    }

    [Fact]
    public void DemoWellnessIsDeterministicAndStaysOnTheScale()
    {
        double[] loads = [.. Enumerable.Range(0, 200).Select(d => d % 7 == 0 ? 0 : d % 7 == 5 ? 140 : 60.0)];
        var a = DemoWellness.CheckIns(1, new DateOnly(2026, 1, 1), loads, seed: 7);
        var b = DemoWellness.CheckIns(1, new DateOnly(2026, 1, 1), loads, seed: 7);
        Assert.Equal(a.Select(c => c?.Readiness), b.Select(c => c?.Readiness));
        Assert.Equal(loads.Length, a.Count);
        var reported = a.Where(c => c is not null).Select(c => c!).ToList();
        Assert.InRange(reported.Count, loads.Length / 2, loads.Length);
        Assert.All(reported, c =>
        {
            Assert.InRange(c.Readiness!.Value, 0, 10);
            Assert.InRange(c.Fatigue!.Value, 1, 10);
            Assert.InRange(c.SleepHours!.Value, 4, 11);
            Assert.True(c.IsSimulated);
        });

        // Persistence is not enough: readiness moves from one reported day to the next.
        var changes = reported.Zip(reported.Skip(1), (x, y) => Math.Abs(x.Readiness!.Value - y.Readiness!.Value)).Average();
        Assert.True(changes > 0.7, $"mean day-to-day change {changes:0.00}");
    }
}
