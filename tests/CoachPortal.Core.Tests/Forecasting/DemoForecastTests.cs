using System.Diagnostics;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
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
    public async Task DemoCheckInsFollowTheSessionLoads()
    {
        // The morning after a heavy day reads lower than the morning after a rest day, on the demo team's own data.
        await using var db = _world.CreateDb();
        var ids = await db.Athletes.Where(a => a.TeamId == fixture.TeamId).Select(a => a.Id).ToListAsync();
        var loads = await db.DailyLoads.AsNoTracking().Where(l => ids.Contains(l.AthleteId)).ToDictionaryAsync(l => (l.AthleteId, l.Date), l => l.PrimaryLoad);
        var checkIns = await db.WellnessCheckIns.AsNoTracking().Where(w => ids.Contains(w.AthleteId) && w.Readiness != null).ToListAsync();
        var afterRest = new List<int>();
        var afterHeavy = new List<int>();
        foreach (var c in checkIns)
        {
            if (loads.TryGetValue((c.AthleteId, c.Date.AddDays(-1)), out var yesterday))
            {
                (yesterday < 1 ? afterRest : yesterday > 90 ? afterHeavy : []).Add(c.Readiness!.Value);
            }
        }

        Assert.True(afterRest.Count > 50 && afterHeavy.Count > 50, $"{afterRest.Count} after rest, {afterHeavy.Count} after heavy days");
        Assert.True(afterRest.Average() > afterHeavy.Average() + 0.8, $"after rest {afterRest.Average():0.00}, after heavy {afterHeavy.Average():0.00}");
    }

    [Fact]
    public void DemoWellnessIsDeterministicAndStaysOnTheScale()
    {
        double[] loads = [.. Enumerable.Range(0, 200).Select(d => d % 7 == 0 ? 0 : d % 7 == 5 ? 140 : 60.0)];
        var a = DemoWellness.CheckIns(1, new DateOnly(2026, 1, 1), loads, seed: 7);
        var b = DemoWellness.CheckIns(1, new DateOnly(2026, 1, 1), loads, seed: 7);
        Assert.Equal(a.Select(c => c.Readiness), b.Select(c => c.Readiness));
        Assert.All(a, c =>
        {
            Assert.InRange(c.Readiness!.Value, 1, 10);
            Assert.InRange(c.Fatigue!.Value, 1, 10);
            Assert.InRange(c.SleepHours!.Value, 4, 11);
        });

        // Persistence is not enough: readiness moves from one day to the next with the load.
        var changes = a.Zip(a.Skip(1), (x, y) => Math.Abs(x.Readiness!.Value - y.Readiness!.Value)).Average();
        Assert.True(changes > 0.7, $"mean day-to-day change {changes:0.00}");
    }
}
