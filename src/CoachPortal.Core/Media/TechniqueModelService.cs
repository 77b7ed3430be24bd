using System.Text.Json;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Jobs;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Core.Technique;
using CoachPortal.Learning;
using CoachPortal.Learning.Vision;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Media;

/// <summary>
/// A team's technique models: a coach queues a run that <see cref="TechniqueTrainingJob"/> trains in the background
/// from the frames the team's coaches labelled, and the version it registers is judged, promoted and rolled back in
/// the registry with the forecasts (<see cref="ModelService"/>). Coaches of the team and admins only.
/// </summary>
public sealed class TechniqueModelService(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, ChangeNotifier notifier, TimeProvider clock)
{
    /// <summary>Frames taken either side of a labelled frame.</summary>
    public const int HalfWindow = 15;

    /// <summary>Labelled frames (or photos) needed before training.</summary>
    public const int MinLabels = 20;

    /// <summary>Athletes needed: three held out and enough left to train on.</summary>
    public const int MinAthletes = 6;

    private const string Refusal = "Only the team's coaches train its technique model.";

    /// <summary>Queues a training run of the team's technique model; returns the run's id.</summary>
    /// <exception cref="NotFoundException">the caller cannot see the team</exception>
    /// <exception cref="ForbiddenException">the caller sees the team but does not coach it</exception>
    /// <exception cref="ValidationFailedException">the model or epochs are not ones the page offers</exception>
    public async Task<int> StartTrainingAsync(Caller caller, int teamId, TechniqueRunInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.Kind is not (TechniqueModelKind.KeypointCnn or TechniqueModelKind.ResNetHead))
        {
            errors.Add(new ValidationError(nameof(input.Kind), "Choose the keypoint CNN (video frames with pose) or the ResNet head (photos)."));
        }

        if (input.Epochs is < 0 or > 200)
        {
            errors.Add(new ValidationError(nameof(input.Epochs), "Epochs must be 1–200 (0 for the default)."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var stored = new TechniqueRunInput
        {
            Exercise = string.IsNullOrWhiteSpace(input.Exercise) ? null : input.Exercise.Trim(),
            Kind = input.Kind,
            Epochs = input.Epochs,
            Seed = input.Seed,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, Refusal);
        var run = new TrainingRun
        {
            Target = ForecastTarget.Technique,
            Architecture = Architecture(stored.Kind),
            Scope = ModelScope.Team,
            TeamId = teamId,
            HyperParametersJson = JsonSerializer.Serialize(stored),
            Status = TrainingRunStatus.Queued,
            MaxEpochs = stored.Epochs > 0 ? stored.Epochs : TechniqueTrainer.DefaultHeadEpochs,
            RequestedByUserId = caller.UserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var runId = run.Id;
        run.JobId = jobs.Enqueue<TechniqueTrainingJob>(JobQueues.Gpu, j => j.RunAsync(runId, CancellationToken.None));
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Models);
        return runId;
    }

    /// <summary>The team's technique runs, newest first.</summary>
    public async Task<IReadOnlyList<TrainingRun>> ListRunsAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, Refusal);
        return await db.TrainingRuns.AsNoTracking().Where(r => r.TeamId == teamId && r.Target == ForecastTarget.Technique)
            .OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
    }

    /// <summary>The team's technique versions, newest first (without the artifact bytes).</summary>
    public async Task<IReadOnlyList<ModelVersionView>> ListVersionsAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, Refusal);
        return await ModelService.Views(db.ModelVersions.Where(v => v.TeamId == teamId && v.Target == ForecastTarget.Technique).OrderByDescending(v => v.Id)).ToListAsync(ct);
    }

    /// <summary>The exercises named on the team's labels, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ExercisesAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, Refusal);
        var names = await (from l in db.Set<FrameLabel>()
                           join m in db.Set<SessionMedia>() on l.MediaId equals m.Id
                           where m.Athlete!.TeamId == teamId
                           select l.Exercise ?? m.Exercise).Distinct().ToListAsync(ct);
        return [.. names.OfType<string>().Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The registry's architecture of a technique model.</summary>
    public static ModelKind Architecture(TechniqueModelKind kind) => kind switch
    {
        TechniqueModelKind.KeypointCnn => ModelKind.KeypointCnn,
        TechniqueModelKind.ResNetHead => ModelKind.ResNetHead,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the registry keeps the keypoint CNN and the ResNet head"),
    };

    /// <summary>
    /// The frames within <see cref="HalfWindow"/> of <paramref name="centre"/>, edge frames repeated where the clip
    /// ends, as (x, y, visibility) per landmark: the stored depth is dropped.
    /// </summary>
    internal static float[] Window(float[] values, int centre)
    {
        int frames = values.Length / KeypointCodec.ValuesPerFrame;
        var window = new float[((2 * HalfWindow) + 1) * JointAngles.FrameWidth];
        for (int o = -HalfWindow; o <= HalfWindow; o++)
        {
            int source = Math.Clamp(centre + o, 0, frames - 1) * KeypointCodec.ValuesPerFrame;
            int target = (o + HalfWindow) * JointAngles.FrameWidth;
            for (int k = 0; k < JointAngles.Keypoints; k++)
            {
                window[target + (3 * k)] = values[source + (4 * k)];
                window[target + (3 * k) + 1] = values[source + (4 * k) + 1];
                window[target + (3 * k) + 2] = values[source + (4 * k) + 3];
            }
        }

        return window;
    }
}
