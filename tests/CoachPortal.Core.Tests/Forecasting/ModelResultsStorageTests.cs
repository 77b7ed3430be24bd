using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Forecasting;

/// <summary>Model results are typed from the training job to the page, and stored in the JSON columns they always had.</summary>
public sealed class ModelResultsStorageTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    private static readonly PromotionDecision s_decision = new(PromotionVerdict.Promotable, 0.8123, 0.71, 0.93, 120, 4, "MAE × 0.812 of ewma")
    {
        BrierSkill = double.NaN,
    };

    [Fact]
    public async Task MetricsTestSeriesAndLossHistoryComeBackFromTheDatabaseAsTheyWent()
    {
        var metrics = new ModelMetrics
        {
            Model = new Dictionary<string, double> { ["mae"] = 0.512, ["rmse"] = 0.7 },
            Baselines = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["ewma"] = new Dictionary<string, double> { ["mae"] = 0.63, ["rmse"] = 0.81 },
                ["persistence"] = new Dictionary<string, double> { ["mae"] = 0.9, ["rmse"] = 1.1 },
            },
            Training = new TrainingSummary { EpochsRun = 12, BestEpoch = 9, TrainingLoss = 0.25, ValidationLoss = 0.31 },
            Promotion = s_decision,
        };
        var series = ModelTestSeries.Of(
        [
            new TestSeriesPoint(new DateOnly(2026, 3, 1), world.AthleteAProfile, 6, 5.8, 6.2),
            new TestSeriesPoint(new DateOnly(2026, 3, 2), world.AthleteAProfile, 7, 6.4, 6.1),
        ]);
        var history = new LossHistory([new LossPoint(1, 0.9, 0.95), new LossPoint(2, 0.5, null)]);

        var (runId, versionId) = await AddVersionAsync(metrics, series, history);

        await using var db = world.CreateDb();
        var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        var version = await db.ModelVersions.AsNoTracking().SingleAsync(v => v.Id == versionId);
        Assert.Equal(history.Points, run.LossHistory.Points);
        Assert.Equal(metrics.Model, version.Metrics.Model);
        Assert.Equal(metrics.Baselines.Keys, version.Metrics.Baselines.Keys);
        Assert.Equal(0.81, version.Metrics.Baselines["ewma"]["rmse"]);
        Assert.Equal(metrics.Training, version.Metrics.Training);
        Assert.Equal(s_decision, version.Metrics.Promotion);
        Assert.True(double.IsNaN(version.Metrics.Promotion!.BrierSkill));
        Assert.True(version.BeatsBaseline);
        Assert.Equal(series.Points, version.TestSeries.Points);
        Assert.Null(version.TestSeries.Confusion);

        var view = await world.Get<ModelService>().GetVersionAsync(world.CoachA, versionId);
        Assert.Equal(series.Points, view.TestSeries.Points);
        Assert.Equal(PromotionVerdict.Promotable, view.Promotion!.Verdict);
    }

    [Fact]
    public async Task AClassifiersConfusionComesBackAsItsTestSeries()
    {
        var confusion = new SessionClassConfusion(["easy", "hard"], [[3, 1], [0, 4]], "majority", [[4, 0], [4, 0]]);

        var (_, versionId) = await AddVersionAsync(ModelMetrics.Empty, ModelTestSeries.Of(confusion), LossHistory.Empty);

        await using var db = world.CreateDb();
        var stored = (await db.ModelVersions.AsNoTracking().SingleAsync(v => v.Id == versionId)).TestSeries;
        Assert.Empty(stored.Points);
        Assert.Equal(confusion.Classes, stored.Confusion!.Classes);
        Assert.Equal(confusion.Model, stored.Confusion.Model);
        Assert.Equal("majority", stored.Confusion.BaselineName);
        Assert.Equal(confusion.Baseline, stored.Confusion.Baseline);
        Assert.Null((await db.ModelVersions.AsNoTracking().SingleAsync(v => v.Id == versionId)).Metrics.Promotion);
    }

    [Fact]
    public async Task RowsStoredBeforeTheTypesReadIntoThemAndNewRowsKeepTheirShape()
    {
        var (runId, versionId) = await AddVersionAsync(ModelMetrics.Empty, ModelTestSeries.Empty, LossHistory.Empty);
        const string metrics = """
            {"model":{"mae":0.5,"rmse":0.7},"baselines":{"ewma":{"mae":0.6,"rmse":0.8}},
             "training":{"EpochsRun":5,"BestEpoch":4,"TrainingLoss":0.3,"ValidationLoss":0.35},
             "promotion":{"verdict":"NotBetter","estimate":1.02,"low":0.9,"high":1.1,"events":80,"athletes":3,"brierSkill":null,"reason":"not better"}}
            """;
        const string series = """[{"date":"2026-02-01","athleteId":7,"actual":6,"predicted":5.5,"baseline":6.1}]""";
        const string losses = "[[1,0.8,0.9],[2,0.6,0.7]]";
        await using (var db = world.CreateDb())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE ModelVersions SET MetricsJson = {metrics}, TestSeriesJson = {series} WHERE Id = {versionId}");
            await db.Database.ExecuteSqlAsync($"UPDATE TrainingRuns SET LossHistoryJson = {losses} WHERE Id = {runId}");
        }

        await using (var db = world.CreateDb())
        {
            var version = await db.ModelVersions.AsNoTracking().SingleAsync(v => v.Id == versionId);
            var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            Assert.Equal(0.6, version.Metrics.Baselines["ewma"]["mae"]);
            Assert.Equal(5, version.Metrics.Training!.EpochsRun);
            Assert.Equal(PromotionVerdict.NotBetter, version.Metrics.Promotion!.Verdict);
            Assert.False(version.BeatsBaseline);
            Assert.Equal([new TestSeriesPoint(new DateOnly(2026, 2, 1), 7, 6, 5.5, 6.1)], version.TestSeries.Points);
            Assert.Equal([new LossPoint(1, 0.8, 0.9), new LossPoint(2, 0.6, 0.7)], run.LossHistory.Points);

            // Written back, each is the same JSON it was read from.
            Assert.Equal(series, ModelResultsJson.Serialize(version.TestSeries));
            Assert.Equal(losses, ModelResultsJson.Serialize(run.LossHistory));
            Assert.Equal(
                ModelResultsJson.Serialize(ModelResultsJson.Deserialize<ModelMetrics>(metrics)),
                ModelResultsJson.Serialize(version.Metrics));
        }
    }

    private async Task<(int RunId, int VersionId)> AddVersionAsync(ModelMetrics metrics, ModelTestSeries series, LossHistory history)
    {
        await using var db = world.CreateDb();
        var run = new TrainingRun
        {
            Target = ForecastTarget.Readiness,
            Architecture = ModelKind.GruForecaster,
            Scope = ModelScope.Team,
            TeamId = world.TeamA,
            Status = TrainingRunStatus.Succeeded,
            RequestedByUserId = world.CoachA.UserId,
            LossHistory = history,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        var version = new ModelVersion
        {
            TrainingRunId = run.Id,
            Target = ForecastTarget.Readiness,
            Architecture = ModelKind.GruForecaster,
            Scope = ModelScope.Team,
            TeamId = world.TeamA,
            Status = ModelVersionStatus.Candidate,
            MetricName = "mae",
            Metrics = metrics,
            TestSeries = series,
            OnnxBytes = [1],
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        return (run.Id, version.Id);
    }
}
