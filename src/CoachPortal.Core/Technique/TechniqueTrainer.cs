using CoachPortal.Learning;
using CoachPortal.Learning.Baselines;
using CoachPortal.Learning.Evaluation;
using CoachPortal.Learning.Vision;

namespace CoachPortal.Core.Technique;

/// <summary>
/// Trains a technique classifier on in-memory labelled samples and judges it like every model: on athletes held out
/// of training, against the majority class (and, for keypoints, logistic regression on joint angles), with the
/// athlete-bootstrap promotion rule; and explains one held-out prediction by occlusion. CPU/GPU-bound and synchronous:
/// run it from a job. Holds the ResNet18 sessions once they are needed; dispose it.
/// </summary>
public sealed class TechniqueTrainer : IDisposable
{
    private const string Majority = "majority class";
    private const string Angles = "logistic regression on joint angles";
    private ResNetFeaturizer? _resNet;

    /// <summary>Epochs of the ResNet head and the keypoint CNN when the options leave it to the model.</summary>
    public const int DefaultHeadEpochs = 60;

    /// <summary>Trains on frames: ResNet18 features with a trained head, or the image CNN.</summary>
    /// <exception cref="ArgumentException">the kind is not an image model, or there are too few athletes</exception>
    /// <exception cref="LearningException">an image does not decode, or training failed</exception>
    public TechniqueReport TrainOnImages(IReadOnlyList<TechniqueImage> images, TechniqueModelKind kind, TechniqueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        options ??= new TechniqueOptions();
        var (train, test) = Split(images.Select(i => i.Athlete).ToArray(), options);
        Func<byte[], float[]> input = kind switch
        {
            TechniqueModelKind.ResNetHead => bytes => ResNet(options).Features(bytes),
            TechniqueModelKind.ImageCnn => bytes => ImageTensors.FromEncoded(bytes, options.ImageSize, PixelScale.UnitRange),
            _ => throw new ArgumentException($"{kind} is not an image model", nameof(kind)),
        };
        var samples = images.Select(i => input(i.Image)).ToArray();
        int[] shape = kind == TechniqueModelKind.ResNetHead ? [ResNetFeaturizer.FeatureCount] : [3, options.ImageSize, options.ImageSize];
        var classifierKind = kind == TechniqueModelKind.ResNetHead ? ClassifierKind.FeatureHead : ClassifierKind.ImageCnn;
        var labels = images.Select(i => i.Label).ToArray();
        var athletes = images.Select(i => i.Athlete).ToArray();
        var (model, probabilities) = Fit(classifierKind, samples, labels, shape, train, test, options, cancellationToken);
        var report = Judge(kind, model, probabilities, labels, athletes, train, test, angleBaseline: null);

        int best = BestPositive(probabilities, labels, test);
        if (best < 0)
        {
            return report;
        }

        using var scorer = new ClassifierScorer(model.OnnxBytes);
        var map = OccludeImage(images[best].Image, kind, scorer, options) with { Athlete = images[best].Athlete };
        return report with { Occlusion = map };
    }

    /// <summary>Trains the temporal keypoint CNN on clips of equal length.</summary>
    /// <exception cref="ArgumentException">the clips differ in length or are not whole frames, or there are too few athletes</exception>
    public static TechniqueReport TrainOnClips(IReadOnlyList<TechniqueClip> clips, TechniqueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clips);
        options ??= new TechniqueOptions();
        if (clips.Count == 0 || clips.Any(c => c.Keypoints.Length != clips[0].Keypoints.Length) || clips[0].Keypoints.Length % JointAngles.FrameWidth != 0)
        {
            throw new ArgumentException($"every clip must hold the same number of frames of {JointAngles.FrameWidth} values", nameof(clips));
        }

        var (train, test) = Split(clips.Select(c => c.Athlete).ToArray(), options);
        int frames = clips[0].Keypoints.Length / JointAngles.FrameWidth;
        var samples = clips.Select(c => c.Keypoints).ToArray();
        var labels = clips.Select(c => c.Label).ToArray();
        var athletes = clips.Select(c => c.Athlete).ToArray();
        var (model, probabilities) = Fit(ClassifierKind.KeypointCnn, samples, labels, [frames, JointAngles.FrameWidth], train, test, options, cancellationToken);

        var summaries = samples.Select(JointAngles.Summary).ToArray();
        var regression = LogisticRegression.Fit(train.Select(i => summaries[i]).ToArray(), train.Select(i => labels[i] ? 1.0 : 0.0).ToArray());
        var angleBaseline = summaries.Select(s => regression.Predict(s) >= 0.5).ToArray();
        var report = Judge(TechniqueModelKind.KeypointCnn, model, probabilities, labels, athletes, train, test, angleBaseline);

        int best = BestPositive(probabilities, labels, test);
        if (best < 0)
        {
            return report;
        }

        using var scorer = new ClassifierScorer(model.OnnxBytes);
        return report with { Occlusion = OccludeClip(clips[best], scorer, options.OcclusionFrames) };
    }

    /// <summary>The occlusion map of a clip under a keypoint model: frame by frame, a window centred on it replaced by the clip's mean pose.</summary>
    public static OcclusionMap OccludeClip(TechniqueClip clip, ClassifierScorer scorer, int window)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(scorer);
        int width = JointAngles.FrameWidth;
        int frames = clip.Keypoints.Length / width;
        var mean = new float[width];
        for (int f = 0; f < frames; f++)
        {
            for (int j = 0; j < width; j++)
            {
                mean[j] += clip.Keypoints[(f * width) + j] / frames;
            }
        }

        var variants = new List<float[]> { clip.Keypoints };
        for (int f = 0; f < frames; f++)
        {
            var covered = (float[])clip.Keypoints.Clone();
            for (int k = Math.Max(0, f - (window / 2)); k < Math.Min(frames, f - (window / 2) + window); k++)
            {
                mean.CopyTo(covered, k * width);
            }

            variants.Add(covered);
        }

        var p = scorer.Probabilities(variants);
        return new OcclusionMap(1, frames, p.Skip(1).Select(v => p[0] - v).ToArray(), p[0], clip.Athlete);
    }

    /// <summary>The occlusion map of an image: each cell of a grid covered in grey in turn.</summary>
    public OcclusionMap OccludeImage(byte[] image, TechniqueModelKind kind, ClassifierScorer scorer, TechniqueOptions options)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(options);
        bool resNet = kind == TechniqueModelKind.ResNetHead;
        int size = resNet ? ResNetFeaturizer.ImageSize : options.ImageSize;
        var pixels = ImageTensors.FromEncoded(image, size, resNet ? PixelScale.Bytes : PixelScale.UnitRange);
        float grey = resNet ? 127.5f : 0.5f;
        int grid = Math.Clamp(options.OcclusionGrid, 1, size);
        var variants = new List<float[]> { pixels };
        for (int r = 0; r < grid; r++)
        {
            for (int c = 0; c < grid; c++)
            {
                var covered = (float[])pixels.Clone();
                int y0 = r * size / grid, y1 = (r + 1) * size / grid, x0 = c * size / grid, x1 = (c + 1) * size / grid;
                for (int ch = 0; ch < 3; ch++)
                {
                    for (int y = y0; y < y1; y++)
                    {
                        covered.AsSpan((ch * size * size) + (y * size) + x0, x1 - x0).Fill(grey);
                    }
                }

                variants.Add(covered);
            }
        }

        var inputs = resNet ? variants.Select(v => ResNet(options).FeaturesOfPixels(v)).ToList() : variants;
        var p = scorer.Probabilities(inputs);
        return new OcclusionMap(grid, grid, p.Skip(1).Select(v => p[0] - v).ToArray(), p[0], "");
    }

    private ResNetFeaturizer ResNet(TechniqueOptions options) => _resNet ??= new ResNetFeaturizer(intraOpThreads: options.IntraOpThreads);

    private static (TrainedClassifier Model, float[] Probabilities) Fit(ClassifierKind kind, float[][] samples, bool[] labels, int[] shape, int[] train, int[] test, TechniqueOptions options, CancellationToken cancellationToken)
    {
        var data = new ClassifierDataset(samples, labels, shape);
        var classifierOptions = kind == ClassifierKind.ImageCnn
            ? new ClassifierOptions { Epochs = options.Epochs > 0 ? options.Epochs : 10 }
            // few samples: many small steps, and weight decay against memorising them
            : new ClassifierOptions { Epochs = options.Epochs > 0 ? options.Epochs : DefaultHeadEpochs, BatchSize = 8, LearningRate = 3e-3, WeightDecay = 1e-2, HiddenSize = kind == ClassifierKind.KeypointCnn ? 32 : 0 };
        classifierOptions.Seed = options.Seed;
        classifierOptions.Device = options.Device;
        classifierOptions.IntraOpThreads = options.IntraOpThreads;
        var model = ClassifierTrainer.Train(kind, data.Subset(train), classifierOptions, cancellationToken);
        using var scorer = new ClassifierScorer(model.OnnxBytes);
        return (model, scorer.Probabilities(samples));
    }

    private static TechniqueReport Judge(TechniqueModelKind kind, TrainedClassifier model, float[] probabilities, bool[] labels, string[] athletes, int[] train, int[] test, bool[]? angleBaseline)
    {
        bool majority = train.Count(i => labels[i]) * 2 >= train.Length;
        double Accuracy(Func<int, bool> predict) => test.Average(i => predict(i) == labels[i] ? 1.0 : 0.0);
        double modelAccuracy = Accuracy(i => probabilities[i] >= 0.5);
        double majorityAccuracy = Accuracy(_ => majority);
        double? angleAccuracy = angleBaseline is null ? null : Accuracy(i => angleBaseline[i]);
        bool anglesBest = angleAccuracy > majorityAccuracy;
        var outcomes = test.Select(i => new ClassificationOutcome(athletes[i], labels[i], probabilities[i] >= 0.5, anglesBest ? angleBaseline![i] : majority)).ToArray();
        return new TechniqueReport
        {
            Kind = kind,
            OnnxBytes = model.OnnxBytes,
            ModelAccuracy = modelAccuracy,
            MajorityAccuracy = majorityAccuracy,
            JointAngleAccuracy = angleAccuracy,
            BestBaseline = anglesBest ? Angles : Majority,
            Decision = PromotionRule.JudgeClassifier(outcomes),
            TrainingAthletes = train.Select(i => athletes[i]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            HeldOutAthletes = test.Select(i => athletes[i]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            Device = model.Device,
            DeviceReason = model.DeviceReason,
            EpochLosses = model.EpochLosses,
        };
    }

    // Athletes, not samples, are held out: the question is whether the model works for an athlete it has not seen.
    private static (int[] Train, int[] Test) Split(string[] athletes, TechniqueOptions options)
    {
        var distinct = athletes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int held = Math.Max(PromotionRule.MinAthletes, (int)Math.Round(distinct.Length * options.HeldOutFraction));
        if (distinct.Length - held < 2)
        {
            throw new ArgumentException($"{distinct.Length} athletes: holding out {held} needs at least {held + 2}", nameof(athletes));
        }

        new Random((int)(options.Seed % int.MaxValue)).Shuffle(distinct);
        var heldOut = distinct.Take(held).ToHashSet(StringComparer.Ordinal);
        var rows = Enumerable.Range(0, athletes.Length);
        return (rows.Where(i => !heldOut.Contains(athletes[i])).ToArray(), rows.Where(i => heldOut.Contains(athletes[i])).ToArray());
    }

    private static int BestPositive(float[] probabilities, bool[] labels, int[] test) =>
        test.Where(i => labels[i]).DefaultIfEmpty(-1).MaxBy(i => i < 0 ? float.MinValue : probabilities[i]);

    /// <inheritdoc />
    public void Dispose() => _resNet?.Dispose();
}
