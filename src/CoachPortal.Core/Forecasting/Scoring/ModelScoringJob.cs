using System.Globalization;
using System.Text.Json;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Sessions;
using CoachPortal.Learning;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Forecasting.Scoring;

/// <summary>
/// Scores every athlete in scope of each active model version, in batches through the cached scorer, and writes one
/// prediction per version, athlete and day with an 80 % interval and the days that drove it: attention weights for
/// the attention model, occlusion (each day replaced by the window's mean) for the GRU. Idempotent per day.
/// </summary>
public sealed class ModelScoringJob(
    IDbContextFactory<AppDbContext> dbFactory,
    ScorerCache scorers,
    ChangeNotifier notifier,
    IOptions<ModelsOptions> options,
    TimeProvider clock,
    ILogger<ModelScoringJob> logger)
{
    public const string RecurringJobId = "models-nightly-scoring";
    private const double Z80 = 1.2816;
    private const int TopDays = 3;

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await ActiveVersionsAsync(db, null, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var written = 0;
        foreach (var v in versions)
        {
            var athletes = v.Scope == ModelScope.Team
                ? await db.Athletes.Where(a => a.TeamId == v.TeamId && !a.IsArchived).Select(a => a.Id).ToListAsync(ct)
                : await db.Athletes.Where(a => !a.IsArchived).Select(a => a.Id).ToListAsync(ct);
            written += await ScoreAsync(db, v, athletes, today, ct);
        }

        logger.LogInformation("Scoring wrote {Count} predictions from {Versions} active model versions", written, versions.Count);
        await ScoreSessionClassesAsync(db, ct);
        notifier.Publish(Topics.Models);
    }

    /// <summary>
    /// Scores one athlete after new data, with every active version that covers them. Deduplicated by the data: when
    /// the athlete's forecasts for today are already newer than their daily loads, a repeated run writes nothing.
    /// </summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task RunForAthleteAsync(int athleteId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teamId = await db.Athletes.Where(a => a.Id == athleteId && !a.IsArchived).Select(a => (int?)a.TeamId).FirstOrDefaultAsync(ct);
        if (teamId is null)
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var loadsComputed = await db.DailyLoads.Where(l => l.AthleteId == athleteId).MaxAsync(l => (DateTime?)l.ComputedUtc, ct) ?? DateTime.MinValue;
        var written = 0;
        foreach (var v in await ActiveVersionsAsync(db, teamId, ct))
        {
            var fresh = await db.ModelPredictions.AnyAsync(p => p.ModelVersionId == v.Id && p.AthleteId == athleteId && p.AsOfDate == today && p.CreatedUtc >= loadsComputed, ct);
            if (!fresh)
            {
                written += await ScoreAsync(db, v, [athleteId], today, ct);
            }
        }

        logger.LogInformation("Scoring after new data wrote {Count} predictions for athlete {AthleteId}", written, athleteId);
    }

    /// <summary>Whether an active forecaster covers the team (its own or a club-wide one).</summary>
    public static Task<bool> HasActiveVersionAsync(AppDbContext db, int teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ActiveForecasters(db).AnyAsync(v => v.Scope == ModelScope.Club || v.TeamId == teamId, ct);
    }

    // Active versions that forecast days; session classes are scored per session and technique models never.
    private static IQueryable<ModelVersion> ActiveForecasters(AppDbContext db) =>
        db.ModelVersions.Where(v => v.Status == ModelVersionStatus.Active && v.Target != ForecastTarget.SessionClass && v.Target != ForecastTarget.Technique);

    private static Task<List<ActiveVersion>> ActiveVersionsAsync(AppDbContext db, int? teamId, CancellationToken ct) =>
        ActiveForecasters(db).AsNoTracking()
            .Where(v => teamId == null || v.Scope == ModelScope.Club || v.TeamId == teamId)
            .Select(v => new ActiveVersion(v.Id, v.Target, v.Scope, v.TeamId, v.HyperParametersJson, v.NormalizationJson.Contains("readiness-ensemble"))).ToListAsync(ct);

    private async Task<int> ScoreAsync(AppDbContext db, ActiveVersion v, IReadOnlyList<int> athletes, DateOnly today, CancellationToken ct)
    {
        var input = JsonSerializer.Deserialize<TrainingRunInput>(v.HyperParametersJson) ?? new TrainingRunInput();
        var versionId = v.Id;
        if (v.ReadinessEnsemble)
        {
            return await ScoreReadinessAsync(db, v, athletes, today, ct);
        }

        var scorer = scorers.Get(versionId, () =>
        {
            using var bytesDb = dbFactory.CreateDbContext();
            return bytesDb.ModelVersions.Where(x => x.Id == versionId).Select(x => x.OnnxBytes).First();
        });
        var written = 0;
        foreach (var batch in athletes.Chunk(Math.Max(1, options.Value.ScoringBatchSize)))
        {
            ct.ThrowIfCancellationRequested();
            var histories = await AthleteHistoryLoader.LoadAsync(db, batch, today, ct);
            var samples = histories.Where(h => h.Days >= input.WindowDays)
                .Select(h => new ForecastSample(h, h.Days - 1, h.DateOf(h.Days - 1), double.NaN)).ToList();
            if (samples.Count == 0)
            {
                continue;
            }

            var (features, mask) = ForecastDataset.Windows(samples, input.WindowDays);
            var result = scorer.Score(features, mask);
            var weights = result.Attention is { } attention ? attention : Occlusion(scorer, features, mask, result);
            var ids = samples.Select(s => s.History.AthleteId).ToList();
            var dates = samples.Select(s => s.Date).Distinct().ToList();
            var existing = await db.ModelPredictions.Where(p => p.ModelVersionId == versionId && ids.Contains(p.AthleteId) && dates.Contains(p.AsOfDate))
                .ToDictionaryAsync(p => (p.AthleteId, p.AsOfDate), ct);
            for (var i = 0; i < samples.Count; i++)
            {
                var s = samples[i];
                if (!existing.TryGetValue((s.History.AthleteId, s.Date), out var prediction))
                {
                    prediction = new ModelPrediction { ModelVersionId = versionId, AthleteId = s.History.AthleteId, Target = v.Target, AsOfDate = s.Date };
                    db.ModelPredictions.Add(prediction);
                }

                var value = (double)(result.Probability?[i] ?? result.Mean![i]);
                var spread = result.Variance is { } variance ? Z80 * Math.Sqrt(Math.Max(0, variance[i])) : 0;
                prediction.Value = value;
                prediction.Lower = value - spread;
                prediction.Upper = value + spread;
                prediction.ExplanationJson = Explain(weights, i, s, input.WindowDays);
                prediction.CreatedUtc = clock.GetUtcNow().UtcDateTime;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // A concurrent scoring run (manual next to nightly) wrote the same day first; its numbers are the same.
                logger.LogWarning(ex, "Scoring of model version {VersionId} raced another run; its predictions are kept", versionId);
                db.ChangeTracker.Clear();
            }
            written += samples.Count;
            foreach (var id in ids)
            {
                notifier.Publish(Topics.Athlete(id));
            }
        }

        return written;
    }

    // The readiness ensemble: tomorrow's whole-point median and its band, from the days up to today.
    private async Task<int> ScoreReadinessAsync(AppDbContext db, ActiveVersion v, IReadOnlyList<int> athletes, DateOnly today, CancellationToken ct)
    {
        var versionId = v.Id;
        var model = scorers.GetReadiness(versionId, () =>
        {
            using var bytesDb = dbFactory.CreateDbContext();
            return bytesDb.ModelVersions.Where(x => x.Id == versionId).Select(x => x.OnnxBytes).First();
        });
        var written = 0;
        foreach (var batch in athletes.Chunk(Math.Max(1, options.Value.ScoringBatchSize)))
        {
            ct.ThrowIfCancellationRequested();
            var histories = await AthleteHistoryLoader.LoadAsync(db, batch, today, ct);
            var scales = await ReadinessSeries.LoadScalesAsync(db, batch, today, ct);
            var series = ReadinessSeries.From(histories, scales);
            var samples = series.Values.Where(s => s.Days > 0 && s[Learning.Forecasting.WellnessChannel.Readiness].Any(r => !double.IsNaN(r)))
                .Select(s => (Series: s, Day: s.Days - 1)).ToList();
            if (samples.Count == 0)
            {
                continue;
            }

            var forecasts = model.Predict(samples);
            var ids = samples.Select(s => int.Parse(s.Series.Athlete, CultureInfo.InvariantCulture)).ToList();
            var existing = await db.ModelPredictions.Where(p => p.ModelVersionId == versionId && ids.Contains(p.AthleteId) && p.AsOfDate == today)
                .ToDictionaryAsync(p => p.AthleteId, ct);
            for (var i = 0; i < samples.Count; i++)
            {
                if (!existing.TryGetValue(ids[i], out var prediction))
                {
                    prediction = new ModelPrediction { ModelVersionId = versionId, AthleteId = ids[i], Target = v.Target, AsOfDate = samples[i].Series.DateOf(samples[i].Day) };
                    db.ModelPredictions.Add(prediction);
                }

                prediction.Value = forecasts[i].Point;
                prediction.Lower = forecasts[i].Low;
                prediction.Upper = forecasts[i].High;
                prediction.ExplanationJson = EwmaDrivers(samples[i].Series, samples[i].Day);
                prediction.CreatedUtc = clock.GetUtcNow().UtcDateTime;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                logger.LogWarning(ex, "Scoring of model version {VersionId} raced another run; its predictions are kept", versionId);
                db.ChangeTracker.Clear();
            }

            written += samples.Count;
            foreach (var id in ids)
            {
                notifier.Publish(Topics.Athlete(id));
            }
        }

        return written;
    }

    // The forecast starts from the EWMA of readiness: each report's weight in it is α(1 − α)^k, k reports back.
    private static string EwmaDrivers(Learning.Forecasting.WellnessSeries series, int day)
    {
        var readiness = series[Learning.Forecasting.WellnessChannel.Readiness];
        var reported = Enumerable.Range(0, day + 1).Where(d => !double.IsNaN(readiness[d])).Reverse().ToList();
        var weights = reported.Select((d, k) => (Day: d, Weight: k == reported.Count - 1
            ? Math.Pow(1 - Learning.Forecasting.ClassicalForecasts.DefaultAlpha, k)
            : Learning.Forecasting.ClassicalForecasts.DefaultAlpha * Math.Pow(1 - Learning.Forecasting.ClassicalForecasts.DefaultAlpha, k))).ToList();
        return JsonSerializer.Serialize(weights.OrderByDescending(w => w.Weight).Take(TopDays).Select(w => new
        {
            date = series.DateOf(w.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            weight = Math.Round(w.Weight, 3),
        }));
    }

    private sealed record ActiveVersion(int Id, ForecastTarget Target, ModelScope Scope, int? TeamId, string HyperParametersJson, bool ReadinessEnsemble);

    private static string Explain(float[,] weights, int sample, ForecastSample s, int windowDays)
    {
        var days = Enumerable.Range(0, windowDays)
            .Select(t => new { date = s.Date.AddDays(t - windowDays + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), weight = Math.Round(weights[sample, t], 3) })
            .OrderByDescending(d => d.weight)
            .Take(TopDays);
        return JsonSerializer.Serialize(days);
    }

    // Occlusion (Zeiler and Fergus 2014): how far the forecast moves when one day is replaced by the window's mean.
    private static float[,] Occlusion(ModelScorer scorer, float[,,] features, float[,] mask, ScoreResult baseline)
    {
        int n = features.GetLength(0), steps = features.GetLength(1), channels = features.GetLength(2);
        var reference = baseline.Probability ?? baseline.Mean!;
        var weights = new float[n, steps];
        var means = new float[n, channels];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                float sum = 0;
                for (var t = 0; t < steps; t++)
                {
                    sum += features[i, t, c];
                }

                means[i, c] = sum / steps;
            }
        }

        for (var t = 0; t < steps; t++)
        {
            var occluded = (float[,,])features.Clone();
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < channels; c++)
                {
                    occluded[i, t, c] = means[i, c];
                }
            }

            var r = scorer.Score(occluded, mask);
            var values = r.Probability ?? r.Mean!;
            for (var i = 0; i < n; i++)
            {
                weights[i, t] = Math.Abs(values[i] - reference[i]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            float total = 0;
            for (var t = 0; t < steps; t++)
            {
                total += weights[i, t];
            }

            for (var t = 0; t < steps && total > 0; t++)
            {
                weights[i, t] /= total;
            }
        }

        return weights;
    }

    /// <summary>
    /// Predicts a class with its probability for every unlabelled session with streams in the scope of each active
    /// session model, club-wide versions first so that a team's own version has the last word for its athletes.
    /// </summary>
    private async Task ScoreSessionClassesAsync(AppDbContext db, CancellationToken ct)
    {
        var versions = await db.ModelVersions.AsNoTracking()
            .Where(v => v.Status == ModelVersionStatus.Active && v.Target == ForecastTarget.SessionClass)
            .Select(v => new { v.Id, v.Scope, v.TeamId }).ToListAsync(ct);
        var written = 0;
        foreach (var v in versions.OrderBy(v => v.Scope == ModelScope.Club ? 0 : 1))
        {
            var versionId = v.Id;
            var scorer = scorers.Get(versionId, () =>
            {
                using var bytesDb = dbFactory.CreateDbContext();
                return bytesDb.ModelVersions.Where(x => x.Id == versionId).Select(x => x.OnnxBytes).First();
            });
            var athletes = v.Scope == ModelScope.Team
                ? await db.Athletes.Where(a => a.TeamId == v.TeamId && !a.IsArchived).Select(a => a.Id).ToListAsync(ct)
                : await db.Athletes.Where(a => !a.IsArchived).Select(a => a.Id).ToListAsync(ct);
            foreach (var batch in athletes.Chunk(Math.Max(1, options.Value.ScoringBatchSize)))
            {
                ct.ThrowIfCancellationRequested();
                var data = await SessionClassDataset.LoadUnlabelledAsync(db, batch, ct);
                if (data.Count == 0)
                {
                    continue;
                }

                var probabilities = scorer.Score(data.Features, data.Mask).ClassProbabilities!;
                for (var i = 0; i < data.Count; i++)
                {
                    var (index, probability) = ModelTrainingJob.ArgMax(probabilities, i);
                    var sessionId = data.Samples[i].SessionId;
                    var label = SessionClassLabels.All[index];
                    var confidence = Math.Round(probability, 3);
                    // A direct update leaves the session's concurrency token alone: a prediction never conflicts with a coach's edit.
                    await db.TrainingSessions.Where(s => s.Id == sessionId && s.ClassLabel == null).ExecuteUpdateAsync(u => u
                        .SetProperty(s => s.PredictedClassLabel, label)
                        .SetProperty(s => s.PredictedClassConfidence, confidence)
                        .SetProperty(s => s.PredictedClassModelVersionId, versionId), ct);
                }

                written += data.Count;
                foreach (var id in data.Samples.Select(s => s.AthleteId).Distinct())
                {
                    notifier.Publish(Topics.Athlete(id));
                }
            }
        }

        logger.LogInformation("Scoring classified {Count} unlabelled sessions with {Versions} active session models", written, versions.Count);
    }
}
