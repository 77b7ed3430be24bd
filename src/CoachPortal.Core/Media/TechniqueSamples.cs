using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions.Files;
using CoachPortal.Core.Technique;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Media;

/// <summary>
/// A team's labelled technique samples as the trainer takes them: every "good" or "fix" frame of a video with stored
/// landmarks as a clip of the frames around it, or every labelled photo as its image. Athletes are named by id.
/// </summary>
internal sealed record TechniqueSamples(IReadOnlyList<TechniqueClip> Clips, IReadOnlyList<TechniqueImage> Photos, int LabelledPhotos, string DataSpan, string DataHash)
{
    /// <summary>Athletes of the samples the kind learns from.</summary>
    public int Athletes(TechniqueModelKind kind) => kind == TechniqueModelKind.KeypointCnn
        ? Clips.Select(c => c.Athlete).Distinct(StringComparer.Ordinal).Count()
        : Photos.Select(c => c.Athlete).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The labels of the samples the kind learns from.</summary>
    public IReadOnlyList<bool> Labels(TechniqueModelKind kind) => kind == TechniqueModelKind.KeypointCnn
        ? [.. Clips.Select(c => c.Label)]
        : [.. Photos.Select(p => p.Label)];

    /// <summary>Loads the team's labels (of one exercise when given); photo bytes only when <paramref name="photos"/> is set.</summary>
    public static async Task<TechniqueSamples> LoadAsync(AppDbContext db, IFileStore? photos, int teamId, string? exercise, CancellationToken ct)
    {
        var labels = await (from l in db.Set<FrameLabel>().AsNoTracking()
                            join m in db.Set<SessionMedia>() on l.MediaId equals m.Id
                            where m.Athlete!.TeamId == teamId
                            select new { l.MediaId, l.FrameIndex, l.Label, Exercise = l.Exercise ?? m.Exercise, m.AthleteId, m.Kind, m.Sha256, m.CreatedUtc }).ToListAsync(ct);
        if (exercise is not null)
        {
            labels = [.. labels.Where(l => string.Equals(l.Exercise, exercise, StringComparison.OrdinalIgnoreCase))];
        }

        labels = [.. labels.OrderBy(l => l.MediaId).ThenBy(l => l.FrameIndex)];
        var photoLabels = labels.Where(l => l.Kind == MediaKind.Photo).ToList();
        var videos = labels.Where(l => l.Kind == MediaKind.Video).ToList();
        var ids = videos.Select(l => l.MediaId).Distinct().ToList();
        var keypoints = await db.Set<MediaKeypoints>().AsNoTracking().Where(k => ids.Contains(k.MediaId)).ToDictionaryAsync(k => k.MediaId, ct);
        var decoded = new Dictionary<int, float[]>();
        var clips = new List<TechniqueClip>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var label in videos)
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

            var clip = new TechniqueClip(Athlete(label.AthleteId), TechniqueModelService.Window(values, label.FrameIndex), label.Label == FrameLabels.Good);
            clips.Add(clip);
            hash.AppendData(Encoding.UTF8.GetBytes($"{label.MediaId}:{label.FrameIndex}:{label.Label};"));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(clip.Keypoints.AsSpan()));
        }

        var images = new List<TechniqueImage>();
        if (photos is not null)
        {
            foreach (var label in photoLabels)
            {
                var bytes = await photos.GetAsync(label.Sha256, ct);
                if (bytes is not null)
                {
                    images.Add(new TechniqueImage(Athlete(label.AthleteId), bytes, label.Label == FrameLabels.Good));
                    hash.AppendData(Encoding.UTF8.GetBytes($"{label.MediaId}:{label.Sha256}:{label.Label};"));
                }
            }
        }

        var dates = labels.Select(l => DateOnly.FromDateTime(l.CreatedUtc)).ToList();
        var span = dates.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{dates.Min():yyyy-MM-dd}/{dates.Max():yyyy-MM-dd}");
        return new TechniqueSamples(clips, images, photoLabels.Count, span, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Athlete(int id) => id.ToString(CultureInfo.InvariantCulture);
}
