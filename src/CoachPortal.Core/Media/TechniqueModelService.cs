using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Technique;
using CoachPortal.Learning.Vision;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Media;

/// <summary>
/// Trains a team's technique model from what its coaches labelled: every "good" or "fix" frame of a video with stored
/// landmarks becomes a clip of the frames around it, and the temporal keypoint CNN is judged on athletes held out of
/// training against the majority class and joint-angle regression. Coaches of the team and admins only.
/// </summary>
public sealed class TechniqueModelService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Frames taken either side of a labelled frame.</summary>
    public const int HalfWindow = 15;

    /// <summary>Labelled frames needed before training.</summary>
    public const int MinLabels = 20;

    /// <summary>Athletes needed: three held out and enough left to train on.</summary>
    public const int MinAthletes = 6;

    /// <summary>Gathers the team's labelled clips and trains on them; synchronous and CPU-bound.</summary>
    /// <exception cref="NotFoundException">the caller cannot see the team</exception>
    /// <exception cref="ForbiddenException">the caller sees the team but does not coach it</exception>
    public async Task<TechniqueModelView> TrainAsync(Caller caller, int teamId, string? exercise, TechniqueOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        exercise = string.IsNullOrWhiteSpace(exercise) ? null : exercise.Trim();
        var (clips, photos) = await GatherAsync(caller, teamId, exercise, ct);
        int athletes = clips.Select(c => c.Athlete).Distinct(StringComparer.Ordinal).Count();
        var view = new TechniqueModelView
        {
            Trained = false,
            Message = "",
            Exercise = exercise,
            Clips = clips.Count,
            GoodClips = clips.Count(c => c.Label),
            LabelledPhotos = photos,
            Athletes = athletes,
            WindowFrames = (2 * HalfWindow) + 1,
        };
        if (clips.Count < MinLabels || athletes < MinAthletes || view.GoodClips == 0 || view.GoodClips == clips.Count)
        {
            return view with
            {
                Message = $"Training needs at least {MinLabels} labelled frames (both good and fix) on clips with pose from {MinAthletes} athletes; "
                    + $"there are {clips.Count} ({view.GoodClips} good) from {athletes}.",
            };
        }

        var report = await Task.Run(() => TechniqueTrainer.TrainOnClips(clips, options, ct), ct);
        double baseline = report.BestBaseline == "majority class" || report.JointAngleAccuracy is null
            ? report.MajorityAccuracy
            : Math.Max(report.MajorityAccuracy, report.JointAngleAccuracy.Value);
        int? peak = report.Occlusion is { } map ? map.Drops.Select((d, i) => (d, i)).MaxBy(p => p.d).i : null;
        return view with
        {
            Trained = true,
            Message = $"On {report.HeldOutAthletes.Count} athletes it never saw, the model was right {report.ModelAccuracy:P0} of the time; "
                + $"the best baseline ({report.BestBaseline}) {baseline:P0}. "
                + (report.Decision.IsPromotable ? "It may be promoted." : "It is not promoted.") + " " + report.Decision.Reason,
            ModelAccuracy = report.ModelAccuracy,
            BaselineAccuracy = baseline,
            Baseline = report.BestBaseline,
            Promotable = report.Decision.IsPromotable,
            PromotionReason = report.Decision.Reason,
            OcclusionPeakFrame = peak is null ? null : peak - HalfWindow,
            TrainingAthletes = report.TrainingAthletes.Count,
            HeldOutAthletes = report.HeldOutAthletes.Count,
            OnnxBytes = report.OnnxBytes,
        };
    }

    /// <summary>The exercises named on the team's labels, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ExercisesAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, "Only the team's coaches train its technique model.");
        var names = await (from l in db.Set<FrameLabel>()
                           join m in db.Set<SessionMedia>() on l.MediaId equals m.Id
                           where m.Athlete!.TeamId == teamId
                           select l.Exercise ?? m.Exercise).Distinct().ToListAsync(ct);
        return [.. names.OfType<string>().Order(StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<(List<TechniqueClip> Clips, int Photos)> GatherAsync(Caller caller, int teamId, string? exercise, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RequireManageTeam(caller, teamId, "Only the team's coaches train its technique model.");
        var labels = await (from l in db.Set<FrameLabel>().AsNoTracking()
                            join m in db.Set<SessionMedia>() on l.MediaId equals m.Id
                            where m.Athlete!.TeamId == teamId
                            select new { l.MediaId, l.FrameIndex, l.Label, Exercise = l.Exercise ?? m.Exercise, m.AthleteId, m.Kind }).ToListAsync(ct);
        if (exercise is not null)
        {
            labels = [.. labels.Where(l => string.Equals(l.Exercise, exercise, StringComparison.OrdinalIgnoreCase))];
        }

        int photos = labels.Count(l => l.Kind == MediaKind.Photo);
        var videos = labels.Where(l => l.Kind == MediaKind.Video).ToList();
        var ids = videos.Select(l => l.MediaId).Distinct().ToList();
        var keypoints = await db.Set<MediaKeypoints>().AsNoTracking().Where(k => ids.Contains(k.MediaId)).ToDictionaryAsync(k => k.MediaId, ct);
        var decoded = new Dictionary<int, float[]>();
        var clips = new List<TechniqueClip>();
        foreach (var label in videos.OrderBy(l => l.MediaId).ThenBy(l => l.FrameIndex))
        {
            if (!keypoints.TryGetValue(label.MediaId, out var row) || row.FrameCount == 0 || label.FrameIndex >= row.FrameCount)
            {
                continue;
            }

            if (!decoded.TryGetValue(label.MediaId, out var values))
            {
                values = KeypointCodec.Decode(row.Data);
                decoded[label.MediaId] = values;
            }

            clips.Add(new TechniqueClip(label.AthleteId.ToString(System.Globalization.CultureInfo.InvariantCulture), Window(values, label.FrameIndex), label.Label == FrameLabels.Good));
        }

        return (clips, photos);
    }

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
