using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Sessions;
using CoachPortal.Ingest.Text;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;
using CoachPortal.Learning.Forecasting;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Forecasting.Runs;

/// <summary>
/// Trains one <see cref="TrainingRun"/>: dataset from the database, the engine on CUDA or CPU, the test period scored
/// next to the baselines, and one <see cref="ModelVersion"/> registered. Re-entrant: a finished run is left alone, and
/// a run that already registered its version (unique run id) is only marked finished, so it never registers twice.
/// Cancellation comes from the run row (<see cref="TrainingRun.CancelRequested"/>), so any node may ask for it.
/// </summary>
public sealed class ModelTrainingJob(
    IDbContextFactory<AppDbContext> dbFactory,
    ChangeNotifier notifier,
    IOptions<ModelsOptions> options,
    TimeProvider clock,
    ILogger<ModelTrainingJob> logger)
{
    private const int MaxSeriesPoints = 400;

    // Below this many onsets a cross-validated injury model has nothing to generalise from (ten events per
    // predictor is the usual floor in clinical prediction models; this is a far lower bar, not a high one).
    private const int MinInjuryEvents = 10;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.TrainingRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        var version = await TrainingRunLifecycle.ExecuteAsync(dbFactory, db, run, (started, token) => TrainAsync(db, started, token),
            ex => ex is LearningException, clock, notifier, ct);
        if (version is not null)
        {
            logger.LogInformation("Training run {RunId} registered model version {VersionId} ({Metric} {Error:F4} vs best baseline {Baseline} {BaselineError:F4}) on {Device}",
                runId, version.Id, version.MetricName, version.TestError, version.BestBaselineName, version.BestBaselineError, version.Device);
        }
    }

    private async Task<ModelVersion?> TrainAsync(AppDbContext db, TrainingRun run, CancellationToken ct)
    {
        var input = JsonSerializer.Deserialize<TrainingRunInput>(run.HyperParametersJson) ?? new TrainingRunInput();
        var athletes = run.Scope == ModelScope.Team
            ? await db.Athletes.Where(a => a.TeamId == run.TeamId && !a.IsArchived).Select(a => a.Id).ToListAsync(ct)
            : await db.Athletes.Where(a => !a.IsArchived).Select(a => a.Id).ToListAsync(ct);
        if (run.Target == ForecastTarget.SessionClass)
        {
            return await TrainSessionClassesAsync(db, run, input, athletes, ct);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var histories = await AthleteHistoryLoader.LoadAsync(db, athletes, today, ct);
        var data = ForecastDataset.Build(histories, run.Target, input.WindowDays);
        if (data.TrainCount < 40 || data.TestCount < 5)
        {
            await FinishAsync(db, run, TrainingRunStatus.Failed, $"Too little data: {data.TrainCount} training and {data.TestCount} test samples (need 40 and 5){(data.Samples.Count == 0 ? "" : $" in {data.DataSpan}")}. Record more check-ins, tests or sessions.", null, ct);
            return null;
        }

        var binary = run.Target == ForecastTarget.InjuryRisk;
        if (binary && data.InjuryEvents(data.TrainCount) is var events && events < MinInjuryEvents)
        {
            await FinishAsync(db, run, TrainingRunStatus.Failed, string.Create(CultureInfo.InvariantCulture,
                $"Too few injury events to learn from: {events} injury onsets in the training part of the monitored period {data.DataSpan} (need {MinInjuryEvents}). A model trained now would only learn that injuries are rare; record injuries as they happen and train again later."), null, ct);
            return null;
        }

        logger.LogInformation("Training run {RunId}: {Target} dataset spans {Span}, {Train} training and {Test} test samples", run.Id, run.Target, data.DataSpan, data.TrainCount, data.TestCount);
        var progress = new RunProgress(this, run.Id);
        var clockWatch = Stopwatch.StartNew();
        var test = data.Samples.Skip(data.TrainCount).ToList();
        var trained = run.Target == ForecastTarget.Readiness && run.Architecture == ModelKind.GruForecaster
            ? await TrainReadinessAsync(db, input, athletes, histories, data, today, progress, ct)
            : await TrainWindowModelAsync(run, input, data, binary, progress, ct);
        var seconds = clockWatch.Elapsed.TotalSeconds;
        var predicted = trained.Predicted;
        var actual = test.Select(s => s.Target).ToArray();
        var baselines = ForecastBaselines.Predict(run.Target, data);
        var modelMetrics = ForecastBaselines.Score("model", run.Target, predicted, actual);
        var baselineMetrics = baselines.Select(b => ForecastBaselines.Score(b.Key, run.Target, b.Value, actual)).ToList();
        var best = baselineMetrics.MinBy(m => m.Primary)!;
        var baseRate = binary ? data.Samples.Take(data.TrainCount).Average(s => s.Target) : double.NaN;
        var decision = PromotionEvidence.Judge(run.Target, test, predicted, baselines[best.Name], baseRate);
        var step = Math.Max(1, test.Count / MaxSeriesPoints);
        var series = test.Select((s, i) => (s, i)).Where(p => p.i % step == 0).Select(p => new TestSeriesPoint(
            p.s.Date, p.s.History.AthleteId, Math.Round(p.s.Target, 3), Math.Round(predicted[p.i], 3), Math.Round(baselines[best.Name][p.i], 3)));

        run.Device = trained.Device;
        run.DeviceReason = TextLimits.Truncate(trained.DeviceReason, 1000);
        return new ModelVersion
        {
            TrainingRunId = run.Id,
            Target = run.Target,
            Architecture = run.Architecture,
            Scope = run.Scope,
            TeamId = run.TeamId,
            Status = ModelVersionStatus.Candidate,
            DataSpan = data.DataSpan,
            DataHash = data.Hash(),
            TrainSamples = data.TrainCount,
            TestSamples = data.TestCount,
            TestFrom = data.TestFrom,
            HyperParametersJson = run.HyperParametersJson,
            NormalizationJson = JsonSerializer.Serialize(trained.Normalization),
            Device = trained.Device,
            DeviceReason = TextLimits.Truncate(trained.DeviceReason, 1000),
            TrainingSeconds = Math.Round(seconds, 2),
            MetricName = ForecastBaselines.MetricName(run.Target),
            TestError = modelMetrics.Primary,
            BestBaselineName = best.Name,
            BestBaselineError = best.Primary,
            Metrics = new ModelMetrics
            {
                Model = modelMetrics.Values,
                Baselines = baselineMetrics.ToDictionary(m => m.Name, m => m.Values),
                Training = trained.Training,
                Promotion = decision,
            },
            TestSeries = ModelTestSeries.Of(series),
            OnnxBytes = trained.Bytes,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    private sealed record TrainedForecast(byte[] Bytes, double[] Predicted, string Device, string DeviceReason, object Normalization, TrainingSummary Training);

    // The window models (GRU, attention) on the portal's daily features, for every forecast target.
    private async Task<TrainedForecast> TrainWindowModelAsync(TrainingRun run, TrainingRunInput input, ForecastDataset data, bool binary, RunProgress progress, CancellationToken ct)
    {
        var trainingOptions = new TrainingOptions
        {
            Loss = binary ? LossKind.BinaryCrossEntropy : LossKind.GaussianNll,
            HiddenSize = input.HiddenSize,
            AttentionHeads = input.HiddenSize % 4 == 0 ? 4 : 1,
            Epochs = input.Epochs,
            BatchSize = input.BatchSize,
            LearningRate = input.LearningRate,
            Patience = 3,
            Device = options.Value.Device,
            IntraOpThreads = options.Value.IntraOpThreads,
            Log = message => logger.LogInformation("Training run {RunId}: {Message}", run.Id, message),
        };
        var trainingPart = data.TrainingPart();
        var model = await Task.Run(() => ForecastTrainer.Train(run.Architecture, trainingPart, trainingOptions, progress, ct), ct);
        using var scorer = new ModelScorer(model.OnnxBytes);
        var (testFeatures, testMask) = data.TestPart();
        var scored = scorer.Score(testFeatures, testMask);
        var predicted = (binary ? scored.Probability! : scored.Mean!).Select(v => (double)v).ToArray();
        var normalization = new
        {
            featureNames = DailyFeatures.Names,
            featureMean = Meta(scorer, ModelMetadataKeys.FeatureMean),
            featureStd = Meta(scorer, ModelMetadataKeys.FeatureStd),
            targetMean = Meta(scorer, ModelMetadataKeys.TargetMean),
            targetStd = Meta(scorer, ModelMetadataKeys.TargetStd),
            trainingSpan = trainingPart.DataSpan,
        };
        var training = new TrainingSummary { EpochsRun = model.Metrics.EpochsRun, BestEpoch = model.Metrics.BestEpoch, TrainingLoss = model.Metrics.TrainingLoss, ValidationLoss = model.Metrics.ValidationLoss };
        return new TrainedForecast(model.OnnxBytes, predicted, model.Device.ToString(), model.DeviceReason, normalization, training);
    }

    // Readiness: the whole-point forecaster (seed ensemble over the rounded EWMA, chosen by time-series
    // cross-validation inside the training period), trained on the days before the test period.
    private async Task<TrainedForecast> TrainReadinessAsync(AppDbContext db, TrainingRunInput input, IReadOnlyCollection<int> athletes, List<AthleteHistory> histories, ForecastDataset data, DateOnly today, RunProgress progress, CancellationToken ct)
    {
        var scales = await ReadinessSeries.LoadScalesAsync(db, athletes, today, ct);
        var series = ReadinessSeries.From(histories, scales);
        var testFrom = data.TestFrom;
        int TrainDays(WellnessSeries s) => Math.Clamp(testFrom.DayNumber - s.Start.DayNumber, 0, s.Days);
        // a few thousand rows through 4-unit GRUs: device copies would cost more than the CPU's arithmetic
        // the run's epochs bound the time it may take; the rest are the forecaster's cross-validated defaults
        var settings = new ReadinessForecasterSettings { Epochs = Math.Max(1, input.Epochs), Device = DevicePreference.Cpu, IntraOpThreads = options.Value.IntraOpThreads };
        using var model = await Task.Run(() => ReadinessForecaster.Train([.. series.Values], TrainDays, settings, progress, ct), ct);
        var test = data.Samples.Skip(data.TrainCount).ToList();
        var forecasts = model.Predict([.. test.Select(s => (series[s.History.AthleteId], s.Day))]);
        var ewma = ForecastBaselines.Predict(ForecastTarget.Readiness, data)["ewma"];
        // a day before the athlete's first report has no EWMA for the model to start from: the baseline's fallback stands in
        var predicted = forecasts.Select((f, i) => double.IsNaN(f.Point) ? ewma[i] : f.Point).ToArray();
        var cv = model.CrossValidation;
        var normalization = new
        {
            format = "readiness-ensemble",
            inputs = model.Inputs.Names,
            windowDays = model.Inputs.WindowDays,
            mode = model.Mode.ToString(),
            seeds = model.Seeds,
            band = new[] { model.BandLow, model.BandHigh },
            trainingSpan = model.DataSpan,
        };
        var training = new TrainingSummary
        {
            Folds = cv.Folds,
            ValidationSamples = cv.Samples,
            Mode = cv.Mode.ToString(),
            EwmaMae = cv.EwmaMae,
            RoundedEwmaMae = cv.RoundedEwmaMae,
            NetworkMae = cv.NetworkMae,
            TrainingSamples = model.TrainingSamples,
        };
        return new TrainedForecast(model.ToBytes(), predicted, nameof(ExecutionDevice.Cpu), "the readiness ensemble is small: trained and scored on the CPU", normalization, training);
    }

    private static string? Meta(ModelScorer scorer, string key) => scorer.Metadata.TryGetValue(key, out var v) ? v : null;

    private Task FinishAsync(AppDbContext db, TrainingRun run, TrainingRunStatus status, string? failure, int? versionId, CancellationToken ct) =>
        TrainingRunLifecycle.FinishAsync(db, run, status, failure, versionId, clock, notifier, ct);

    private void SaveEpoch(int runId, TrainingProgress p, LossHistory history)
    {
        using var db = dbFactory.CreateDbContext();
        db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdate(s => s
            .SetProperty(r => r.Epoch, p.Epoch)
            .SetProperty(r => r.TrainingLoss, p.TrainingLoss)
            .SetProperty(r => r.ValidationLoss, p.ValidationLoss)
            .SetProperty(r => r.Device, p.Device.ToString())
            .SetProperty(r => r.LossHistory, history));
        notifier.Publish(Topics.TrainingRun(runId));
    }

    // Synchronous on the training thread (unlike Progress<T>), so epochs are stored in order.
    private sealed class RunProgress(ModelTrainingJob job, int runId) : IProgress<TrainingProgress>
    {
        private readonly List<LossPoint> _points = [];

        public void Report(TrainingProgress value)
        {
            if (value.ValidationLoss is null)
            {
                return;
            }

            _points.Add(new LossPoint(value.Epoch, LossPoint.Significant(value.TrainingLoss), LossPoint.Significant(value.ValidationLoss.Value)));
            job.SaveEpoch(runId, value, new LossHistory([.. _points]));
        }
    }

    private const int MinSessionTrainSamples = 40;
    private const int MinSessionTestSamples = 10;

    // The session CNN: labelled sessions of the scope, split by date, next to the majority and summary baselines.
    private async Task<ModelVersion?> TrainSessionClassesAsync(AppDbContext db, TrainingRun run, TrainingRunInput input, IReadOnlyCollection<int> athletes, CancellationToken ct)
    {
        var data = await SessionClassDataset.LoadLabelledAsync(db, athletes, ct);
        if (data.TrainCount < MinSessionTrainSamples || data.TestCount < MinSessionTestSamples)
        {
            await FinishAsync(db, run, TrainingRunStatus.Failed,
                $"Too little data: {data.TrainCount} training and {data.TestCount} test sessions with a class label and streams (need {MinSessionTrainSamples} and {MinSessionTestSamples}). Label more sessions.", null, ct);
            return null;
        }

        var trainingPart = data.TrainingPart();
        if (trainingPart.Targets.Distinct().Count() < 2)
        {
            await FinishAsync(db, run, TrainingRunStatus.Failed, "Every labelled training session has the same class; label sessions of at least two classes.", null, ct);
            return null;
        }

        var trainingOptions = new TrainingOptions
        {
            Loss = LossKind.CategoricalCrossEntropy,
            ClassCount = SessionClassLabels.All.Count,
            HiddenSize = input.HiddenSize,
            Epochs = input.Epochs,
            BatchSize = input.BatchSize,
            LearningRate = input.LearningRate,
            Patience = 4,
            Device = options.Value.Device,
            IntraOpThreads = options.Value.IntraOpThreads,
            Log = message => logger.LogInformation("Training run {RunId}: {Message}", run.Id, message),
        };
        var progress = new RunProgress(this, run.Id);
        var clockWatch = Stopwatch.StartNew();
        var model = await Task.Run(() => ForecastTrainer.Train(ModelKind.SessionCnn, trainingPart, trainingOptions, progress, ct), ct);
        var seconds = clockWatch.Elapsed.TotalSeconds;

        using var scorer = new ModelScorer(model.OnnxBytes);
        var (testFeatures, testMask) = data.TestPart();
        var probabilities = scorer.Score(testFeatures, testMask).ClassProbabilities!;
        var predicted = Enumerable.Range(0, data.TestCount).Select(i => ArgMax(probabilities, i).Class).ToArray();
        var actual = data.Samples.Skip(data.TrainCount).Select(s => s.Label).ToArray();
        var baselines = SessionClassBaselines.Predict(data);
        var modelMetrics = SessionClassBaselines.Score("model", predicted, actual);
        var baselineMetrics = baselines.Select(b => SessionClassBaselines.Score(b.Key, b.Value, actual)).ToList();
        var best = baselineMetrics.MinBy(m => m.Primary)!;

        run.Device = model.Device.ToString();
        run.DeviceReason = TextLimits.Truncate(model.DeviceReason, 1000);
        return new ModelVersion
        {
            TrainingRunId = run.Id,
            Target = run.Target,
            Architecture = ModelKind.SessionCnn,
            Scope = run.Scope,
            TeamId = run.TeamId,
            Status = ModelVersionStatus.Candidate,
            DataSpan = data.DataSpan,
            DataHash = data.Hash(),
            TrainSamples = data.TrainCount,
            TestSamples = data.TestCount,
            TestFrom = data.TestFrom,
            HyperParametersJson = run.HyperParametersJson,
            NormalizationJson = JsonSerializer.Serialize(new
            {
                featureNames = SessionClassDataset.ChannelNames,
                steps = SessionClassDataset.Steps,
                classes = SessionClassLabels.All,
                featureMean = Meta(scorer, ModelMetadataKeys.FeatureMean),
                featureStd = Meta(scorer, ModelMetadataKeys.FeatureStd),
                trainingSpan = trainingPart.DataSpan,
            }),
            Device = model.Device.ToString(),
            DeviceReason = TextLimits.Truncate(model.DeviceReason, 1000),
            TrainingSeconds = Math.Round(seconds, 2),
            MetricName = SessionClassBaselines.MetricName,
            TestError = modelMetrics.Primary,
            BestBaselineName = best.Name,
            BestBaselineError = best.Primary,
            Metrics = new ModelMetrics
            {
                Model = modelMetrics.Values,
                Baselines = baselineMetrics.ToDictionary(m => m.Name, m => m.Values),
                Training = new TrainingSummary
                {
                    EpochsRun = model.Metrics.EpochsRun,
                    BestEpoch = model.Metrics.BestEpoch,
                    TrainingLoss = model.Metrics.TrainingLoss,
                    ValidationLoss = model.Metrics.ValidationLoss,
                    ValidationAccuracy = model.Metrics.ValidationAccuracy,
                },
                // judged on the error rate (a wrong class costs 1), athletes resampled like the forecasts
                Promotion = PromotionRule.JudgeForecast([.. data.Samples.Skip(data.TrainCount).Select((s, i) => new ForecastOutcome(
                    s.AthleteId.ToString(CultureInfo.InvariantCulture), actual[i], predicted[i] == actual[i] ? actual[i] : actual[i] + 1, baselines[best.Name][i] == actual[i] ? actual[i] : actual[i] + 1))]),
            },
            TestSeries = ModelTestSeries.Of(new SessionClassConfusion(
                SessionClassLabels.All,
                SessionClassBaselines.Confusion(predicted, actual),
                best.Name,
                SessionClassBaselines.Confusion(baselines[best.Name], actual))),
            OnnxBytes = model.OnnxBytes,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>The most probable class of row <paramref name="row"/> and its probability.</summary>
    internal static (int Class, double Probability) ArgMax(float[,] probabilities, int row)
    {
        var best = 0;
        for (var k = 1; k < probabilities.GetLength(1); k++)
        {
            if (probabilities[row, k] > probabilities[row, best])
            {
                best = k;
            }
        }

        return (best, probabilities[row, best]);
    }
}
