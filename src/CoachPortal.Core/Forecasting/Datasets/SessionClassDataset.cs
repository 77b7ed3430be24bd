using System.Globalization;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Data;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Learning;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>
/// Sessions with stored streams, each resampled to <see cref="Steps"/> bins of four channels relative to the athlete's
/// anchors (heart rate over LTHR, or HRmax when no LTHR is known; speed over threshold speed; power over FTP; cadence
/// as recorded). A channel the session did not record, or whose anchor is unknown, is masked. Samples are in session
/// order; the last sessions by date form the test part, so the model is judged on sessions after those it learnt from.
/// </summary>
public sealed class SessionClassDataset
{
    /// <summary>Bins per session.</summary>
    public const int Steps = 120;

    /// <summary>Share of the labelled sessions, the latest, held out for the test part.</summary>
    public const double TestFraction = 0.2;

    private const int BlobChunk = 200;

    // A bin range needs this share of valid samples, else the whole channel is treated as missing.
    private const double MinCoverage = 0.5;

    private SessionClassDataset(List<SessionClassSample> samples, float[,,] features, float[,] mask, int trainCount)
    {
        Samples = samples;
        Features = features;
        Mask = mask;
        TrainCount = trainCount;
    }

    /// <summary>Channel names in feature order.</summary>
    public static IReadOnlyList<string> ChannelNames { get; } = ["hr_fraction_threshold", "speed_fraction_threshold", "power_fraction_ftp", "cadence_rpm"];

    public IReadOnlyList<SessionClassSample> Samples { get; }

    /// <summary>[session, bin, channel].</summary>
    public float[,,] Features { get; }

    /// <summary>[session, channel]: 1 recorded, 0 missing.</summary>
    public float[,] Mask { get; }

    public int Count => Samples.Count;

    public int TrainCount { get; }

    public int TestCount => Count - TrainCount;

    /// <summary>Date of the first test session (or of the day after the last one when there is no test part).</summary>
    public DateOnly TestFrom => TestCount > 0
        ? DateOnly.FromDateTime(Samples[TrainCount].StartUtc)
        : Samples.Count > 0 ? DateOnly.FromDateTime(Samples[^1].StartUtc).AddDays(1) : default;

    /// <summary>First and last session day, "yyyy-MM-dd/yyyy-MM-dd".</summary>
    public string DataSpan => Span(0, Count);

    /// <summary>
    /// The labelled sessions of the athletes with streams, split by date: sessions on or after the date of the
    /// session at <see cref="TestFraction"/> from the end form the test part (one day is never split across parts).
    /// </summary>
    public static async Task<SessionClassDataset> LoadLabelledAsync(AppDbContext db, IReadOnlyCollection<int> athleteIds, CancellationToken ct)
    {
        var data = await LoadAsync(db, athleteIds, labelled: true, ct);
        if (data.Count == 0)
        {
            return data;
        }

        var cut = (int)Math.Round(data.Count * (1 - TestFraction));
        cut = Math.Clamp(cut, 0, data.Count);
        if (cut < data.Count)
        {
            var firstTestDay = DateOnly.FromDateTime(data.Samples[cut].StartUtc);
            while (cut > 0 && DateOnly.FromDateTime(data.Samples[cut - 1].StartUtc) == firstTestDay)
            {
                cut--;
            }
        }

        return new SessionClassDataset([.. data.Samples], data.Features, data.Mask, cut);
    }

    /// <summary>The unlabelled sessions of the athletes with streams, for scoring (all in the training part; no split).</summary>
    public static Task<SessionClassDataset> LoadUnlabelledAsync(AppDbContext db, IReadOnlyCollection<int> athleteIds, CancellationToken ct) =>
        LoadAsync(db, athleteIds, labelled: false, ct);

    /// <summary>The training part for the engine; its normalisation statistics come from these sessions only.</summary>
    public TrainingDataset TrainingPart()
    {
        var (features, mask) = Rows(0, TrainCount);
        var targets = Samples.Take(TrainCount).Select(s => (float)s.Label).ToArray();
        return new TrainingDataset(features, targets, mask) { FeatureNames = ChannelNames, DataSpan = Span(0, TrainCount) };
    }

    public (float[,,] Features, float[,] Mask) TestPart() => Rows(TrainCount, TestCount);

    /// <summary>SHA-256 of features, masks, session ids and labels, hex.</summary>
    public string Hash()
    {
        using var hash = DatasetHash.Of(Features, Mask);
        foreach (var s in Samples)
        {
            hash.Append(s.SessionId).Append(s.Label);
        }

        return hash.ToHex();
    }

    /// <summary>
    /// Resamples one session's 1 Hz columns into row <paramref name="row"/>: each bin is the mean of its valid samples,
    /// an empty bin repeats the previous one. Returns the mean heart-rate fraction (NaN when that channel is masked).
    /// </summary>
    public static double Resample(StreamColumns columns, SessionAnchors anchors, float[,,] features, float[,] mask, int row)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(mask);
        var hrReference = anchors.LactateThresholdHeartRateBpm ?? anchors.HeartRateMaxBpm;
        double? speedReference = anchors.ThresholdPaceSecondsPerKm is > 0 and var pace && anchors.Sport == SessionSports.Running ? 1000.0 / pace : null;
        (double[]? Column, double? Reference)[] channels =
        [
            (columns.HeartRateBpm, hrReference),
            (columns.SpeedMetersPerSecond, speedReference),
            (columns.PowerWatts, anchors.FtpWatts),
            (columns.CadenceRpm, 1.0),
        ];
        var meanHr = double.NaN;
        for (var c = 0; c < channels.Length; c++)
        {
            var (column, reference) = channels[c];
            var present = column is not null && reference is > 0 && Bin(column, reference.Value, features, row, c);
            mask[row, c] = present ? 1f : 0f;
            if (!present)
            {
                for (var t = 0; t < Steps; t++)
                {
                    features[row, t, c] = 0f;
                }
            }
            else if (c == 0)
            {
                double sum = 0;
                for (var t = 0; t < Steps; t++)
                {
                    sum += features[row, t, 0];
                }

                meanHr = sum / Steps;
            }
        }

        return meanHr;
    }

    private static bool Bin(double[] column, double reference, float[,,] features, int row, int channel)
    {
        var n = column.Length;
        if (n == 0)
        {
            return false;
        }

        var valid = 0;
        var previous = double.NaN;
        var firstFilled = -1;
        for (var b = 0; b < Steps; b++)
        {
            var from = (int)((long)b * n / Steps);
            var to = Math.Max(from + 1, (int)((long)(b + 1) * n / Steps));
            double sum = 0;
            var count = 0;
            for (var i = from; i < to && i < n; i++)
            {
                if (double.IsFinite(column[i]))
                {
                    sum += column[i];
                    count++;
                }
            }

            valid += count;
            if (count > 0)
            {
                previous = sum / count / reference;
                firstFilled = firstFilled < 0 ? b : firstFilled;
            }

            features[row, b, channel] = (float)(double.IsNaN(previous) ? 0 : previous);
        }

        if (firstFilled < 0 || valid < MinCoverage * n)
        {
            return false;
        }

        // Bins before the first valid sample take its value rather than zero.
        for (var b = 0; b < firstFilled; b++)
        {
            features[row, b, channel] = features[row, firstFilled, channel];
        }

        return true;
    }

    private static async Task<SessionClassDataset> LoadAsync(AppDbContext db, IReadOnlyCollection<int> athleteIds, bool labelled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(athleteIds);
        var ids = athleteIds.ToList();
        var rows = await db.TrainingSessions.AsNoTracking().CountingTowardLoad()
            .Where(s => ids.Contains(s.AthleteId) && s.Streams != null && (labelled ? s.ClassLabel != null : s.ClassLabel == null))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.AthleteId,
                s.StartUtc,
                s.ClassLabel,
                s.IntensityFactor,
                s.DurationSeconds,
                Anchors = new SessionAnchors(s.Sport, s.Athlete!.LactateThresholdHeartRateBpm, s.Athlete.HeartRateMaxBpm, s.Athlete.ThresholdPaceSecondsPerKm, s.Athlete.FtpWatts),
            })
            .ToListAsync(ct);
        var kept = rows.Select(r => (Row: r, Label: SessionClassLabels.IndexOf(r.ClassLabel)))
            .Where(r => !labelled || r.Label >= 0).ToList();
        var samples = kept.Select(r => new SessionClassSample(r.Row.Id, r.Row.AthleteId, r.Row.StartUtc, r.Label, r.Row.IntensityFactor, r.Row.DurationSeconds)).ToList();
        var features = new float[samples.Count, Steps, ChannelNames.Count];
        var mask = new float[samples.Count, ChannelNames.Count];
        var rowOf = samples.Select((s, i) => (s.SessionId, i)).ToDictionary(p => p.SessionId, p => p.i);
        foreach (var chunk in samples.Select(s => s.SessionId).Chunk(BlobChunk))
        {
            var blobs = await db.SessionStreams.AsNoTracking().Where(d => chunk.Contains(d.SessionId))
                .Select(d => new { d.SessionId, d.Data, d.Format }).ToListAsync(ct);
            foreach (var blob in blobs)
            {
                var i = rowOf[blob.SessionId];
                samples[i].MeanHeartRateFraction = Resample(StreamCodec.Decode(blob.Data, blob.Format), kept[i].Row.Anchors, features, mask, i);
            }
        }

        return new SessionClassDataset(samples, features, mask, samples.Count);
    }

    private (float[,,] Features, float[,] Mask) Rows(int start, int count)
    {
        int channels = ChannelNames.Count;
        var features = new float[count, Steps, channels];
        var mask = new float[count, channels];
        Buffer.BlockCopy(Features, start * Steps * channels * sizeof(float), features, 0, count * Steps * channels * sizeof(float));
        Buffer.BlockCopy(Mask, start * channels * sizeof(float), mask, 0, count * channels * sizeof(float));
        return (features, mask);
    }

    private string Span(int start, int count) => count == 0 ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{DateOnly.FromDateTime(Samples[start].StartUtc):yyyy-MM-dd}/{DateOnly.FromDateTime(Samples[start + count - 1].StartUtc):yyyy-MM-dd}");
}
