using CoachPortal.Analytics.Pose;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Media;

/// <summary>
/// Pose landmarks that a browser found in a clip, what they give (angles, repetitions, cadence), and coaches'
/// labels on frames. Everything is filtered like the media itself.
/// </summary>
public sealed class MediaAnalysisService(IDbContextFactory<AppDbContext> dbFactory, IOptions<MediaOptions> options, TimeProvider clock)
{
    // Exercises whose lowering straightens the elbow: the flexion is the lift.
    private static readonly string[] s_pulls = ["curl", "pull", "row", "chin"];

    /// <summary>Stores a batch of landmarks for a video; anyone who may see the clip (pose runs on their device).</summary>
    public async Task<int> SaveKeypointsAsync(Caller caller, int mediaId, PoseBatch batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(batch);
        Validate(batch);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var media = await MediaService.Visible(db, caller).Select(m => new { m.Id, m.Kind }).FirstOrDefaultAsync(m => m.Id == mediaId, ct)
            ?? throw new NotFoundException("Media not found.");
        if (media.Kind != MediaKind.Video)
        {
            throw Invalid("Media", "Pose is tracked on videos only.");
        }

        var row = await db.Set<MediaKeypoints>().FirstOrDefaultAsync(k => k.MediaId == mediaId, ct);
        var existing = row is null || batch.StartFrame == 0 ? [] : KeypointCodec.Decode(row.Data);
        var frames = Math.Max(existing.Length / KeypointCodec.ValuesPerFrame, batch.StartFrame + (batch.Values.Length / KeypointCodec.ValuesPerFrame));
        if (frames > options.Value.MaxPoseFrames)
        {
            throw Invalid("Frames", $"A clip keeps at most {options.Value.MaxPoseFrames} pose frames.");
        }

        // Frames not sent yet (a gap before this batch) stay at visibility 0: unseen.
        var merged = new float[frames * KeypointCodec.ValuesPerFrame];
        existing.AsSpan().CopyTo(merged);
        batch.Values.AsSpan().CopyTo(merged.AsSpan(batch.StartFrame * KeypointCodec.ValuesPerFrame));
        if (row is null)
        {
            row = new MediaKeypoints { MediaId = mediaId };
            db.Add(row);
        }

        row.FramesPerSecond = batch.FramesPerSecond;
        row.AspectRatio = batch.AspectRatio;
        row.FrameCount = frames;
        row.Data = KeypointCodec.Encode(merged);
        row.CreatedByUserId = caller.UserId;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return frames;
    }

    /// <summary>The stored landmarks, or null when pose has not been run on the clip.</summary>
    public async Task<PoseSequence?> PoseAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await MediaService.Visible(db, caller).AnyAsync(m => m.Id == mediaId, ct))
        {
            throw new NotFoundException("Media not found.");
        }

        var row = await db.Set<MediaKeypoints>().AsNoTracking().FirstOrDefaultAsync(k => k.MediaId == mediaId, ct);
        return row is null ? null : new PoseSequence(KeypointCodec.Decode(row.Data), row.FramesPerSecond, row.AspectRatio);
    }

    /// <summary>Angles, repetitions and cadence from the stored landmarks; null when pose has not been run.</summary>
    public async Task<MotionAnalysis?> AnalyseAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        var pose = await PoseAsync(caller, mediaId, ct);
        if (pose is null)
        {
            return null;
        }

        string? exercise;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            exercise = await db.Set<SessionMedia>().Where(m => m.Id == mediaId).Select(m => m.Exercise).FirstOrDefaultAsync(ct);
        }

        return Analyse(pose, exercise);
    }

    /// <summary>
    /// Counts on whichever of knee and elbow moves through the wider range (the better-seen side of each), so a squat
    /// counts on the knee and a curl on the elbow without being told.
    /// </summary>
    public static MotionAnalysis Analyse(PoseSequence pose, string? exercise)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var raw = JointAngles.Compute(pose);
        var angles = raw.ToDictionary(kv => kv.Key, kv => Smoothed(kv.Value));
        var knee = BetterSeen(raw, Joint.LeftKnee, Joint.RightKnee);
        var elbow = BetterSeen(raw, Joint.LeftElbow, Joint.RightElbow);
        var joint = Range(raw[elbow]) > Range(raw[knee]) ? elbow : knee;
        var isElbow = joint is Joint.LeftElbow or Joint.RightElbow;
        var pull = exercise is not null && s_pulls.Any(p => exercise.Contains(p, StringComparison.OrdinalIgnoreCase));
        var repOptions = isElbow
            ? new RepetitionOptions { ExtendedDegrees = 150, FlexedDegrees = 90, EccentricIsFlexion = !pull }
            : new RepetitionOptions();
        var reps = raw[joint].All(double.IsNaN) ? [] : RepetitionCounter.Count(raw[joint], pose.FramesPerSecond, repOptions);
        return new MotionAnalysis(pose.FramesPerSecond, pose.FrameCount, angles, joint, reps, RunningCadence.StepsPerMinute(pose));
    }

    /// <summary>Labels a frame; the athlete's coach or an admin only.</summary>
    public async Task<int> AddLabelAsync(Caller caller, int mediaId, FrameLabelInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        if (!FrameLabels.All.Contains(input.Label))
        {
            throw Invalid("Label", $"A frame is labelled {string.Join(" or ", FrameLabels.All)}.");
        }

        if (input.FrameIndex < 0 || !(input.TimeSeconds >= 0))
        {
            throw Invalid("Frame", "The frame must be in the clip.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var media = await MediaService.Visible(db, caller).Select(m => new { m.Id, m.Athlete!.TeamId, m.Exercise }).FirstOrDefaultAsync(m => m.Id == mediaId, ct)
            ?? throw new NotFoundException("Media not found.");
        if (!db.CanManageTeam(caller, media.TeamId))
        {
            throw new ForbiddenException("Only the athlete's coach labels frames.");
        }

        var label = new FrameLabel
        {
            MediaId = mediaId,
            FrameIndex = input.FrameIndex,
            TimeSeconds = input.TimeSeconds,
            Label = input.Label,
            Exercise = Trim(input.Exercise, 80) ?? media.Exercise,
            Note = Trim(input.Note, 500),
            ByUserId = caller.UserId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(label);
        await db.SaveChangesAsync(ct);
        return label.Id;
    }

    public async Task<IReadOnlyList<FrameLabelView>> LabelsAsync(Caller caller, int mediaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await MediaService.Visible(db, caller).AnyAsync(m => m.Id == mediaId, ct))
        {
            throw new NotFoundException("Media not found.");
        }

        return await db.Set<FrameLabel>().Where(l => l.MediaId == mediaId).OrderBy(l => l.FrameIndex).ThenBy(l => l.Id)
            .Select(l => new FrameLabelView(l.Id, l.FrameIndex, l.TimeSeconds, l.Label, l.Exercise, l.Note,
                db.Users.Where(u => u.Id == l.ByUserId).Select(u => u.Email).FirstOrDefault(), l.CreatedUtc))
            .ToListAsync(ct);
    }

    private void Validate(PoseBatch batch)
    {
        if (batch.Values is null || batch.Values.Length == 0 || batch.Values.Length % KeypointCodec.ValuesPerFrame != 0)
        {
            throw Invalid("Values", $"Send whole frames of {KeypointCodec.ValuesPerFrame} values.");
        }

        if (batch.StartFrame < 0 || batch.StartFrame > options.Value.MaxPoseFrames)
        {
            throw Invalid("StartFrame", "The first frame must be within the clip.");
        }

        if (batch.FramesPerSecond is not (> 0 and <= 1000) || batch.AspectRatio is not (> 0.05 and < 20))
        {
            throw Invalid("FramesPerSecond", "The frame rate and aspect ratio must be plausible.");
        }

        if (batch.Values.Any(v => !float.IsFinite(v) || Math.Abs(v) > 100))
        {
            throw Invalid("Values", "Landmark values must be finite and near the frame.");
        }
    }

    private static Joint BetterSeen(IReadOnlyDictionary<Joint, double[]> angles, Joint left, Joint right) =>
        angles[left].Count(double.IsNaN) <= angles[right].Count(double.IsNaN) ? left : right;

    private static double Range(double[] series)
    {
        var seen = series.Where(v => !double.IsNaN(v)).Order().ToArray();
        return seen.Length < 2 ? 0 : seen[(int)(seen.Length * 0.95)] - seen[(int)(seen.Length * 0.05)];
    }

    // Three-frame smoothing for display; NaN (unseen) frames stay NaN so the chart shows the gaps.
    private static double[] Smoothed(double[] series)
    {
        var smooth = AngleSignal.Smooth(series, 3);
        return [.. smooth.Select((v, i) => double.IsNaN(series[i]) ? double.NaN : Math.Round(v, 1))];
    }

    private static string? Trim(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(length, text.Trim().Length)];

    private static ValidationFailedException Invalid(string field, string message) => new([new ValidationError(field, message)]);
}
