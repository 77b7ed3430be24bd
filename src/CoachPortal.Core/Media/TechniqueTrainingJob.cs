using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Technique;
using CoachPortal.Ingest.Text;
using CoachPortal.Learning;
using CoachPortal.Learning.Vision;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Media;

/// <summary>
/// Trains one technique <see cref="TrainingRun"/> on the team's frame labels (keypoint clips or photos) on CUDA or the
/// CPU, judges it on held-out athletes against the best baseline with the bootstrap rule, and registers one
/// <see cref="ModelVersion"/> whose metric is the error rate (1 − accuracy, lower is better, as for every version).
/// Re-entrant like <see cref="ModelTrainingJob"/>: a finished run is left alone and a run whose version is registered
/// (unique run id) is only marked finished, so it never registers twice.
/// </summary>
public sealed class TechniqueTrainingJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IFileStore files,
    ChangeNotifier notifier,
    IOptions<ModelsOptions> options,
    TimeProvider clock,
    ILogger<TechniqueTrainingJob> logger)
{
    /// <summary>The metric technique versions are compared on.</summary>
    public const string MetricName = "error rate";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.TrainingRuns.FirstOrDefaultAsync(r => r.Id == runId && r.Target == ForecastTarget.Technique, ct);
        // The trainer's own refusals (an image that does not decode, a split it cannot make) are the coach's to read.
        var version = await TrainingRunLifecycle.ExecuteAsync(dbFactory, db, run, (started, token) => TrainAsync(db, started, token),
            ex => ex is LearningException or ArgumentException, clock, notifier, ct);
        if (version is not null)
        {
            logger.LogInformation("Technique run {RunId} registered model version {VersionId} (error rate {Error:F3} vs {Baseline} {BaselineError:F3}, {Verdict}) on {Device} in {Seconds:F1} s",
                runId, version.Id, version.TestError, version.BestBaselineName, version.BestBaselineError, version.Metrics.Promotion?.Verdict, version.Device, version.TrainingSeconds);
        }
    }

    /// <summary>Why the samples cannot train a model yet, or null when they can.</summary>
    internal static string? Shortfall(TechniqueSamples samples, TechniqueModelKind kind)
    {
        var labels = samples.Labels(kind);
        int good = labels.Count(l => l);
        int athletes = samples.Athletes(kind);
        if (labels.Count >= TechniqueModelService.MinLabels && athletes >= TechniqueModelService.MinAthletes && good > 0 && good < labels.Count)
        {
            return null;
        }

        var what = kind == TechniqueModelKind.KeypointCnn ? "labelled frames (both good and fix) on clips with pose" : "labelled photos (both good and fix)";
        return string.Create(CultureInfo.InvariantCulture,
            $"Training needs at least {TechniqueModelService.MinLabels} {what} from {TechniqueModelService.MinAthletes} athletes; there are {labels.Count} ({good} good) from {athletes}.");
    }

    private async Task<ModelVersion?> TrainAsync(AppDbContext db, TrainingRun run, CancellationToken ct)
    {
        var input = JsonSerializer.Deserialize<TechniqueRunInput>(run.HyperParametersJson) ?? new TechniqueRunInput();
        var photos = input.Kind == TechniqueModelKind.KeypointCnn ? null : files;
        var samples = await TechniqueSamples.LoadAsync(db, photos, run.TeamId!.Value, input.Exercise, ct);
        if (Shortfall(samples, input.Kind) is { } shortfall)
        {
            await FinishAsync(db, run, TrainingRunStatus.Failed, shortfall, null, ct);
            return null;
        }

        var trainerOptions = new TechniqueOptions
        {
            Epochs = input.Epochs,
            Seed = input.Seed,
            Device = options.Value.Device,
            IntraOpThreads = options.Value.IntraOpThreads,
        };
        var watch = Stopwatch.StartNew();
        var report = await Task.Run(() => Train(samples, input.Kind, trainerOptions, ct), ct);
        var seconds = watch.Elapsed.TotalSeconds;
        var heldOut = report.HeldOutAthletes.ToHashSet(StringComparer.Ordinal);
        var athletes = input.Kind == TechniqueModelKind.KeypointCnn ? samples.Clips.Select(c => c.Athlete).ToList() : samples.Photos.Select(p => p.Athlete).ToList();
        int testSamples = athletes.Count(heldOut.Contains);
        var labels = samples.Labels(input.Kind);
        var baselineAccuracy = report.JointAngleAccuracy is { } angles && report.BestBaseline != "majority class" ? angles : report.MajorityAccuracy;

        run.Epoch = report.EpochLosses.Count;
        run.MaxEpochs = report.EpochLosses.Count;
        run.TrainingLoss = report.EpochLosses.Count > 0 ? report.EpochLosses[^1] : null;
        run.LossHistory = new LossHistory([.. report.EpochLosses.Select((l, i) => new LossPoint(i + 1, LossPoint.Significant(l), null))]);
        run.Device = report.Device.ToString();
        run.DeviceReason = TextLimits.Truncate(report.DeviceReason, 1000);
        var baselines = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["majority class"] = Rates(report.MajorityAccuracy) };
        if (report.JointAngleAccuracy is { } jointAngles)
        {
            baselines[report.BestBaseline == "majority class" ? "logistic regression on joint angles" : report.BestBaseline] = Rates(jointAngles);
        }

        return new ModelVersion
        {
            TrainingRunId = run.Id,
            Target = ForecastTarget.Technique,
            Architecture = run.Architecture,
            Scope = ModelScope.Team,
            TeamId = run.TeamId,
            Status = ModelVersionStatus.Candidate,
            DataSpan = samples.DataSpan,
            DataHash = samples.DataHash,
            TrainSamples = athletes.Count - testSamples,
            TestSamples = testSamples,
            TestFrom = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            HyperParametersJson = run.HyperParametersJson,
            NormalizationJson = JsonSerializer.Serialize(input.Kind == TechniqueModelKind.KeypointCnn
                ? new { input = "keypoints", frames = (2 * TechniqueModelService.HalfWindow) + 1, values = JointAngles.FrameWidth, layout = "33 landmarks × (x, y, visibility)" }
                : (object)new { input = "resnet18-features", frames = 1, values = ResNetFeaturizer.FeatureCount, layout = "224 × 224 RGB through the ResNet18 featurizer" }),
            Device = report.Device.ToString(),
            DeviceReason = TextLimits.Truncate(report.DeviceReason, 1000),
            TrainingSeconds = Math.Round(seconds, 2),
            MetricName = MetricName,
            TestError = Math.Round(1 - report.ModelAccuracy, 4),
            BestBaselineName = report.BestBaseline,
            BestBaselineError = Math.Round(1 - baselineAccuracy, 4),
            Metrics = new ModelMetrics
            {
                Model = Rates(report.ModelAccuracy),
                Baselines = baselines,
                Training = new TrainingSummary { EpochsRun = report.EpochLosses.Count, TrainingLoss = run.TrainingLoss, TrainingSamples = athletes.Count - testSamples },
                Promotion = report.Decision,
                Technique = new TechniqueSummary
                {
                    Exercise = input.Exercise,
                    Samples = labels.Count,
                    GoodSamples = labels.Count(l => l),
                    WindowFrames = input.Kind == TechniqueModelKind.KeypointCnn ? (2 * TechniqueModelService.HalfWindow) + 1 : 1,
                    TrainingAthletes = report.TrainingAthletes,
                    HeldOutAthletes = report.HeldOutAthletes,
                    ModelAccuracy = Math.Round(report.ModelAccuracy, 4),
                    BaselineAccuracy = Math.Round(baselineAccuracy, 4),
                    OcclusionPeakFrame = input.Kind == TechniqueModelKind.KeypointCnn && Peak(report.Occlusion) is { } frame ? frame - TechniqueModelService.HalfWindow : null,
                    OcclusionPeakCell = input.Kind == TechniqueModelKind.KeypointCnn ? null : Peak(report.Occlusion),
                },
            },
            OnnxBytes = report.OnnxBytes,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    private static TechniqueReport Train(TechniqueSamples samples, TechniqueModelKind kind, TechniqueOptions options, CancellationToken ct)
    {
        if (kind == TechniqueModelKind.KeypointCnn)
        {
            return TechniqueTrainer.TrainOnClips(samples.Clips, options, ct);
        }

        using var trainer = new TechniqueTrainer();
        return trainer.TrainOnImages(samples.Photos, kind, options, ct);
    }

    private static Dictionary<string, double> Rates(double accuracy) => new()
    {
        [MetricName] = Math.Round(1 - accuracy, 4),
        ["accuracy"] = Math.Round(accuracy, 4),
    };

    private static int? Peak(OcclusionMap? map) => map is null || map.Drops.Count == 0 ? null : map.Drops.Select((d, i) => (d, i)).MaxBy(p => p.d).i;

    private Task FinishAsync(AppDbContext db, TrainingRun run, TrainingRunStatus status, string? failure, int? versionId, CancellationToken ct) =>
        TrainingRunLifecycle.FinishAsync(db, run, status, failure, versionId, clock, notifier, ct);
}
