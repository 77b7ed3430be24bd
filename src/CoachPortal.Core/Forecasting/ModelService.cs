using System.Globalization;
using System.Text.Json;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Learning;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Forecasting;

/// <summary>
/// Training runs, the model registry and forecasts. Coaches train and promote models of the teams they coach and
/// read forecasts of those teams' athletes; club-wide models are the administrators'; athletes read only their own
/// forecasts. Another team's runs and versions answer "not found".
/// </summary>
public sealed class ModelService(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, JobLiveness liveness, ChangeNotifier notifier, TimeProvider clock)
{
    public async Task<int> StartTrainingAsync(Caller caller, TrainingRunInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        RequireManage(db, caller, input.Scope, input.TeamId);
        var run = new TrainingRun
        {
            Target = input.Target,
            Architecture = input.Architecture,
            Scope = input.Scope,
            TeamId = input.Scope == ModelScope.Team ? input.TeamId : null,
            HyperParametersJson = JsonSerializer.Serialize(input),
            Status = TrainingRunStatus.Queued,
            MaxEpochs = input.Epochs,
            RequestedByUserId = caller.UserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var runId = run.Id;
        run.JobId = jobs.Enqueue<ModelTrainingJob>(JobQueues.Gpu, j => j.RunAsync(runId, CancellationToken.None));
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Models);
        return runId;
    }

    /// <summary>Fewest check-ins in a team before its first models are worth training (40 training and 5 test samples, plus the window before them).</summary>
    public const int MinCheckInsToTrain = 60;

    /// <summary>
    /// Starts one run per forecast target and one of the session CNN with the defaults, for a first look at a team's
    /// models, on the records the team has. A team with fewer than <see cref="MinCheckInsToTrain"/> check-ins is told
    /// so instead of queuing runs that would fail.
    /// </summary>
    public async Task<IReadOnlyList<int>> TrainDefaultModelsAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            RequireManage(db, caller, ModelScope.Team, teamId);
            var checkIns = await db.WellnessCheckIns.CountAsync(w => w.Athlete!.TeamId == teamId && !w.Athlete.IsArchived, ct);
            if (checkIns < MinCheckInsToTrain)
            {
                throw new ValidationFailedException([new ValidationError("Team", string.Create(CultureInfo.InvariantCulture,
                    $"This team has {checkIns} check-ins; the forecasts need at least {MinCheckInsToTrain}. Import the athletes' history (athlete page, Import history) or train once they have checked in for a few weeks."))]);
            }
        }

        var ids = new List<int>
        {
            await StartTrainingAsync(caller, new TrainingRunInput { Target = ForecastTarget.Readiness, Architecture = ModelKind.GruForecaster, TeamId = teamId }, ct),
            await StartTrainingAsync(caller, new TrainingRunInput { Target = ForecastTarget.Performance, Architecture = ModelKind.AttentionForecaster, TeamId = teamId }, ct),
            await StartTrainingAsync(caller, new TrainingRunInput { Target = ForecastTarget.InjuryRisk, Architecture = ModelKind.GruForecaster, TeamId = teamId }, ct),
            await StartTrainingAsync(caller, new TrainingRunInput { Target = ForecastTarget.SessionClass, Architecture = ModelKind.SessionCnn, TeamId = teamId, Epochs = 20, LearningRate = 5e-3, BatchSize = 32 }, ct),
        };
        return ids;
    }

    public async Task CancelAsync(Caller caller, int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await VisibleRuns(db, caller).FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("No such training run.");
        RequireManage(db, caller, run.Scope, run.TeamId);
        if (run.Status is not (TrainingRunStatus.Queued or TrainingRunStatus.Running))
        {
            return;
        }

        run.CancelRequested = true;
        if (run.JobId is null || liveness.StateOf(run.JobId) != JobRunState.Running)
        {
            // No live job will see the request (queued, or its server died): the run ends here, and a copy of the
            // job that starts later finds it cancelled and leaves it alone.
            run.Status = TrainingRunStatus.Cancelled;
            run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
            if (run.JobId is not null)
            {
                jobs.Delete(run.JobId);
            }
        }

        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.TrainingRun(runId));
        notifier.Publish(Topics.Models);
    }

    public async Task<IReadOnlyList<TrainingRun>> ListRunsAsync(Caller caller, int? teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Club-wide runs belong to every team's view (only administrators see them at all).
        var runs = await VisibleRuns(db, caller).Where(r => teamId == null || r.TeamId == teamId || r.Scope == ModelScope.Club)
            .OrderByDescending(r => r.Id).Take(50).AsNoTracking().ToListAsync(ct);
        runs.ForEach(MarkInterrupted);
        return runs;
    }

    public async Task<TrainingRun> GetRunAsync(Caller caller, int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await VisibleRuns(db, caller).AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("No such training run.");
        MarkInterrupted(run);
        return run;
    }

    // A running run whose job is not running on a live server; a queued run whose job vanished.
    private void MarkInterrupted(TrainingRun run) => run.IsInterrupted = run.JobId is not null && run.Status switch
    {
        TrainingRunStatus.Running => liveness.StateOf(run.JobId) != JobRunState.Running,
        TrainingRunStatus.Queued => liveness.StateOf(run.JobId) is JobRunState.Gone or JobRunState.Orphaned,
        _ => false,
    };

    public async Task<IReadOnlyList<ModelVersionView>> ListVersionsAsync(Caller caller, int? teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Views(VisibleVersions(db, caller).Where(v => teamId == null || v.TeamId == teamId || v.Scope == ModelScope.Club).OrderByDescending(v => v.Id)).ToListAsync(ct);
    }

    public async Task<ModelVersionView> GetVersionAsync(Caller caller, int versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Views(VisibleVersions(db, caller).Where(v => v.Id == versionId)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("No such model version.");
    }

    /// <summary>The ONNX artifact and a file name for it.</summary>
    public async Task<(byte[] Bytes, string FileName)> GetArtifactAsync(Caller caller, int versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await VisibleVersions(db, caller).Where(v => v.Id == versionId).Select(v => new { v.OnnxBytes, v.Target, v.Architecture })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("No such model version.");
        // the readiness forecaster is a seed ensemble: a zip of ONNX models and their settings
        var extension = ReadinessSeries.IsReadinessModel(v.OnnxBytes) ? "zip" : "onnx";
        return (v.OnnxBytes, string.Create(CultureInfo.InvariantCulture, $"{v.Target}-{v.Architecture}-v{versionId}.{extension}").ToLowerInvariant());
    }

    /// <summary>
    /// Makes the version the active one of its target and scope (the previous one is retired). A version that does
    /// not beat its best baseline needs a written reason, kept and shown with it.
    /// </summary>
    public async Task PromoteAsync(Caller caller, int versionId, string? overrideReason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await VisibleVersions(db, caller).FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException("No such model version.");
        RequireManage(db, caller, version.Scope, version.TeamId);
        if (version.Status == ModelVersionStatus.Active)
        {
            return;
        }

        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        // A technique verdict is shown to athletes as the coach's eye: it is never used on a reason alone.
        if (!version.BeatsBaseline && version.Target == ForecastTarget.Technique)
        {
            throw new ValidationFailedException([new ValidationError("OverrideReason",
                $"This technique model is not shown to beat the {version.BestBaselineName} baseline ({Evidence(version)}); label more frames and train again.")]);
        }

        if (!version.BeatsBaseline && reason is null)
        {
            throw new ValidationFailedException([new ValidationError("OverrideReason",
                $"This version is not shown to beat the {version.BestBaselineName} baseline ({Evidence(version)}); give a reason to promote it anyway.")]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SameSlot(db, version).Where(v => v.Status == ModelVersionStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, ModelVersionStatus.Retired), ct);
        version.Status = ModelVersionStatus.Active;
        version.PromotionOverrideReason = version.BeatsBaseline ? null : reason;
        version.PromotedByUserId = caller.UserId;
        version.PromotedUtc = clock.GetUtcNow().UtcDateTime;
        await AuditLog.AddAsync(db, clock, AuditActions.ModelPromoted, caller.UserId, $"model version {versionId}",
            version.PromotionOverrideReason is { } why ? $"promoted although it does not beat its baseline: {why}" : null, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (version.Target != ForecastTarget.Technique)
        {
            jobs.Enqueue<ModelScoringJob>(JobQueues.Default, j => j.RunAsync(CancellationToken.None));
        }

        notifier.Publish(Topics.Models);
    }

    /// <summary>Retires the active version and re-activates the one promoted before it, if any.</summary>
    public async Task RollBackAsync(Caller caller, int versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await VisibleVersions(db, caller).FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException("No such model version.");
        RequireManage(db, caller, version.Scope, version.TeamId);
        if (version.Status != ModelVersionStatus.Active)
        {
            throw new ValidationFailedException([new ValidationError("Status", "Only the active version can be rolled back.")]);
        }

        var previous = await SameSlot(db, version).Where(v => v.Id != version.Id && v.PromotedUtc != null && v.Status == ModelVersionStatus.Retired)
            .OrderByDescending(v => v.PromotedUtc).FirstOrDefaultAsync(ct);
        version.Status = ModelVersionStatus.Retired;
        if (previous is not null)
        {
            previous.Status = ModelVersionStatus.Active;
        }

        await AuditLog.AddAsync(db, clock, AuditActions.ModelRolledBack, caller.UserId, $"model version {versionId}",
            previous is null ? "no earlier version to restore" : $"version {previous.Id} active again", ct: ct);
        await db.SaveChangesAsync(ct);
        if (previous is not null && version.Target != ForecastTarget.Technique)
        {
            jobs.Enqueue<ModelScoringJob>(JobQueues.Default, j => j.RunAsync(CancellationToken.None));
        }

        notifier.Publish(Topics.Models);
    }

    /// <summary>Queues a scoring run now (as the nightly job does).</summary>
    public void ScoreNow(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin && !caller.IsCoach)
        {
            throw new ForbiddenException("Only coaches and administrators may run scoring.");
        }

        jobs.Enqueue<ModelScoringJob>(JobQueues.Default, j => j.RunAsync(CancellationToken.None));
    }

    /// <summary>The latest forecast of each target for an athlete the caller may see, from active versions (team before club).</summary>
    public async Task<IReadOnlyList<AthleteForecast>> GetForecastsAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleAthletes(caller).AnyAsync(a => a.Id == athleteId, ct))
        {
            throw new NotFoundException("No such athlete.");
        }

        var rows = await db.ModelPredictions.AsNoTracking()
            .Where(p => p.AthleteId == athleteId && p.ModelVersion!.Status == ModelVersionStatus.Active)
            .Select(p => new { p.ModelVersionId, p.Target, p.AsOfDate, p.Value, p.Lower, p.Upper, p.ExplanationJson, p.ModelVersion!.Scope })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Target)
            .Select(g => g.OrderByDescending(r => r.AsOfDate).ThenBy(r => r.Scope).First())
            .Select(r => new AthleteForecast(athleteId, r.Target, r.AsOfDate, r.Value, r.Lower, r.Upper, Drivers(r.ExplanationJson), r.ModelVersionId))
            .OrderBy(f => f.Target)];
    }

    /// <summary>
    /// The readiness forecasts of the athlete's active model from <paramref name="fromDate"/> on, each placed on the
    /// day it forecast (the day after it was made), next to the readiness reported that day: the band the dashboard
    /// draws over the PMC's dates.
    /// </summary>
    public async Task<IReadOnlyList<ForecastTrackPoint>> GetReadinessTrackAsync(Caller caller, int athleteId, DateOnly fromDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleAthletes(caller).AnyAsync(a => a.Id == athleteId, ct))
        {
            throw new NotFoundException("No such athlete.");
        }

        var madeFrom = fromDate.AddDays(-1);
        var rows = await db.ModelPredictions.AsNoTracking()
            .Where(p => p.AthleteId == athleteId && p.Target == ForecastTarget.Readiness && p.AsOfDate >= madeFrom && p.ModelVersion!.Status == ModelVersionStatus.Active)
            .Select(p => new { p.AsOfDate, p.Value, p.Lower, p.Upper, p.ModelVersion!.Scope })
            .ToListAsync(ct);
        var reported = await db.WellnessCheckIns.AsNoTracking()
            .Where(w => w.AthleteId == athleteId && w.Date >= fromDate && w.Readiness != null)
            .ToDictionaryAsync(w => w.Date, w => (double)w.Readiness!.Value, ct);
        return [.. rows.GroupBy(r => r.AsOfDate)
            .Select(g => g.OrderBy(r => r.Scope).First())
            .Select(r => new ForecastTrackPoint(r.AsOfDate.AddDays(1), r.Value, r.Lower, r.Upper, reported.TryGetValue(r.AsOfDate.AddDays(1), out var a) ? a : null))
            .OrderBy(p => p.Date)];
    }

    /// <summary>Latest injury-risk probability per athlete of a team the caller may see (for the team board).</summary>
    public async Task<IReadOnlyDictionary<int, double>> GetTeamRisksAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athletes = db.VisibleAthletes(caller).Where(a => a.TeamId == teamId).Select(a => a.Id);
        return await LatestRisks(db, athletes).ToDictionaryAsync(p => p.AthleteId, p => p.Value, ct);
    }

    /// <summary>
    /// Each athlete's latest injury-risk prediction of an active model, chosen in the database: a club's years of
    /// daily predictions stay there instead of being read to keep one row per athlete. Each athlete's latest row is
    /// found by a correlated "newest first, take one" on (AthleteId, Target, AsOfDate), not by GroupBy/First, which
    /// SQLite runs as a window over every prediction of the team.
    /// </summary>
    internal static IQueryable<ModelPrediction> LatestRisks(AppDbContext db, IQueryable<int> athleteIds) =>
        from id in athleteIds
        join p in db.ModelPredictions.AsNoTracking() on id equals p.AthleteId
        where p.Id == db.ModelPredictions
            .Where(x => x.AthleteId == id && x.Target == ForecastTarget.InjuryRisk && x.ModelVersion!.Status == ModelVersionStatus.Active)
            .OrderByDescending(x => x.AsOfDate).ThenByDescending(x => x.Id)
            .Select(x => (int?)x.Id).FirstOrDefault()
        select p;

    private static List<ForecastDriver> Drivers(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => new ForecastDriver(
            DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.GetProperty("weight").GetDouble()))];
    }

    private static IQueryable<ModelVersion> SameSlot(AppDbContext db, ModelVersion version) =>
        db.ModelVersions.Where(v => v.Target == version.Target && v.Scope == version.Scope && v.TeamId == version.TeamId);

    private static IQueryable<TrainingRun> VisibleRuns(AppDbContext db, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return db.TrainingRuns;
        }

        var teams = db.VisibleTeams(caller).Select(t => t.Id);
        return db.TrainingRuns.Where(r => r.TeamId != null && teams.Contains(r.TeamId.Value));
    }

    private static IQueryable<ModelVersion> VisibleVersions(AppDbContext db, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return db.ModelVersions;
        }

        var teams = db.VisibleTeams(caller).Select(t => t.Id);
        return db.ModelVersions.Where(v => v.TeamId != null && teams.Contains(v.TeamId.Value));
    }

    internal static IQueryable<ModelVersionView> Views(IQueryable<ModelVersion> versions) => versions.Select(v => new ModelVersionView(
        v.Id, v.TrainingRunId, v.Target, v.Architecture, v.Scope, v.TeamId, v.Status, v.DataSpan, v.DataHash, v.TrainSamples, v.TestSamples,
        v.HyperParametersJson, v.Device, v.DeviceReason, v.TrainingSeconds, v.MetricName, v.TestError, v.BestBaselineName, v.BestBaselineError,
        v.Metrics, v.TestSeries, v.PromotionOverrideReason, v.PromotedUtc, v.CreatedUtc));

    private static string Evidence(ModelVersion version) => version.Metrics.Promotion is { } decision
        ? decision.Reason
        : string.Create(CultureInfo.InvariantCulture, $"{version.MetricName} {version.TestError:F3} vs {version.BestBaselineError:F3}, judged before the interval rule");

    private static void RequireManage(AppDbContext db, Caller caller, ModelScope scope, int? teamId)
    {
        if (scope == ModelScope.Club)
        {
            caller.RequireAdmin();
            return;
        }

        if (teamId is not { } id || !db.CanManageTeam(caller, id))
        {
            throw new ForbiddenException("You may train and promote models only for the teams you coach.");
        }
    }

    private static void Validate(TrainingRunInput input)
    {
        var errors = new List<ValidationError>();
        if (input.Scope == ModelScope.Team && input.TeamId is null)
        {
            errors.Add(new ValidationError(nameof(input.TeamId), "Choose a team."));
        }

        if (input.Target == ForecastTarget.Technique || input.Architecture is ModelKind.KeypointCnn or ModelKind.ResNetHead)
        {
            errors.Add(new ValidationError(nameof(input.Target), "Technique models learn from labelled frames: train them on the team's technique page."));
        }

        if (input.Architecture == ModelKind.SessionCnn && input.Target != ForecastTarget.SessionClass)
        {
            errors.Add(new ValidationError(nameof(input.Architecture), "The session CNN classifies sessions, not daily forecasts; choose GRU or attention."));
        }

        if (input.Target == ForecastTarget.SessionClass && input.Architecture != ModelKind.SessionCnn)
        {
            errors.Add(new ValidationError(nameof(input.Architecture), "Session classes are learnt by the session CNN; choose it for this target."));
        }

        if (input.WindowDays is < 3 or > 90)
        {
            errors.Add(new ValidationError(nameof(input.WindowDays), "Window must be 3–90 days."));
        }

        if (input.Epochs is < 1 or > 200)
        {
            errors.Add(new ValidationError(nameof(input.Epochs), "Epochs must be 1–200."));
        }

        if (input.HiddenSize is < 4 or > 256)
        {
            errors.Add(new ValidationError(nameof(input.HiddenSize), "Hidden size must be 4–256."));
        }

        if (input.LearningRate is <= 0 or > 0.1)
        {
            errors.Add(new ValidationError(nameof(input.LearningRate), "Learning rate must be in (0, 0.1]."));
        }

        if (input.BatchSize is < 4 or > 1024)
        {
            errors.Add(new ValidationError(nameof(input.BatchSize), "Batch size must be 4–1024."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
