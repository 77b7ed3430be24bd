using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoachPortal.Learning.Optimization;
using CoachPortal.Learning.Runtime;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Learning.Vision;

/// <summary>
/// Trains a binary classifier through the engine: graph, autodiff, Adam and binary cross-entropy, run by ONNX Runtime
/// on CUDA when it loads (else CPU), for a fixed number of epochs at a constant learning rate (as Keras' fit).
/// Synchronous and CPU/GPU-bound: call it from a background job.
/// </summary>
/// <example>
/// <code>
/// var data = new ClassifierDataset(images, labels, 3, 224, 224);
/// var model = ClassifierTrainer.Train(ClassifierKind.ImageCnn, data, new ClassifierOptions());
/// using var scorer = new ClassifierScorer(model.OnnxBytes);
/// var p = scorer.Probabilities(newImages);
/// </code>
/// </example>
public static class ClassifierTrainer
{
    /// <summary>Metadata key of the architecture in the exported model.</summary>
    public const string KindKey = "coachportal.classifier.kind";

    /// <summary>Metadata key of the sample shape (JSON array) in the exported model.</summary>
    public const string SampleShapeKey = "coachportal.classifier.sample_shape";

    /// <summary>Trains <paramref name="kind"/> on every sample of <paramref name="dataset"/>.</summary>
    /// <exception cref="LearningException">the samples do not fit the architecture, a required device is missing, or training diverged</exception>
    /// <exception cref="OperationCanceledException">cancelled</exception>
    public static TrainedClassifier Train(ClassifierKind kind, ClassifierDataset dataset, ClassifierOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new ClassifierOptions();
        if (dataset.Count < 2 || options.Epochs < 1)
        {
            throw new LearningException("training needs at least two samples and one epoch");
        }

        // images come normalised by the pipeline; features and keypoints are standardised with the training statistics
        var standardization = kind == ClassifierKind.ImageCnn ? ((float[], float[])?)null : Standardization(dataset);
        var blueprint = ClassifierBlueprint.Create(kind, dataset.SampleShape, options, standardization);
        var program = blueprint.BuildProgram(new AdamWSettings(WeightDecay: options.WeightDecay, ClipNorm: 0));
        int batchSize = Math.Min(options.BatchSize, dataset.Count);
        int stepsPerEpoch = dataset.Count / batchSize;
        int width = dataset.Samples[0].Length;
        var rows = Enumerable.Range(0, dataset.Count).ToArray();
        float[][] batch = [new float[batchSize * width], new float[batchSize]];
        var losses = new List<double>();
        var durations = new List<TimeSpan>();

        using var session = new TrainingStepRunner(program, batchSize, options.Device, options.CudaDeviceId, options.IntraOpThreads, options.Log);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            new DeterministicRandom((options.Seed * 0x9E3779B97F4A7C15UL) + (ulong)epoch).Shuffle(rows);
            double lossSum = 0;
            for (int b = 0; b < stepsPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < batchSize; i++)
                {
                    int row = rows[(b * batchSize) + i];
                    dataset.Samples[row].CopyTo(batch[0], i * width);
                    batch[1][i] = dataset.Labels[row] ? 1f : 0f;
                }

                float loss = session.Step(batch, (float)options.LearningRate);
                if (!float.IsFinite(loss))
                {
                    throw new LearningException($"training diverged in epoch {epoch} (loss {loss.ToString(CultureInfo.InvariantCulture)}); lower the learning rate");
                }

                lossSum += loss;
            }

            losses.Add(lossSum / stepsPerEpoch);
            durations.Add(clock.Elapsed);
        }

        var probabilities = Evaluate(session, dataset, batchSize);
        double accuracy = probabilities.Select((p, i) => p >= 0.5 == dataset.Labels[i] ? 1.0 : 0.0).Average();
        var state = session.ReadState();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KindKey] = kind.ToString(),
            [SampleShapeKey] = JsonSerializer.Serialize(dataset.SampleShape),
        };
        var onnx = blueprint.ExportInference(state, metadata);
        return new TrainedClassifier(onnx, kind, dataset.SampleShape, losses, durations, accuracy, session.Device, session.DeviceReason);
    }

    // Forward passes over the whole dataset in chunks of the batch size (a 224×224 CNN's activations are large).
    private static float[] Evaluate(TrainingStepRunner session, ClassifierDataset dataset, int chunk)
    {
        int width = dataset.Samples[0].Length;
        var result = new float[dataset.Count];
        for (int start = 0; start < dataset.Count; start += chunk)
        {
            int count = Math.Min(chunk, dataset.Count - start);
            var inputs = new float[count * width];
            var targets = new float[count];
            for (int i = 0; i < count; i++)
            {
                dataset.Samples[start + i].CopyTo(inputs, i * width);
                targets[i] = dataset.Labels[start + i] ? 1f : 0f;
            }

            var outputs = session.Evaluate([inputs, targets], count);
            outputs[1].CopyTo(result, start);
        }

        return result;
    }

    private static (float[] Mean, float[] Std) Standardization(ClassifierDataset dataset)
    {
        int last = dataset.SampleShape[^1];
        var sum = new double[last];
        var squares = new double[last];
        long count = 0;
        foreach (var sample in dataset.Samples)
        {
            for (int i = 0; i < sample.Length; i++)
            {
                sum[i % last] += sample[i];
                squares[i % last] += (double)sample[i] * sample[i];
            }

            count += sample.Length / last;
        }

        var mean = new float[last];
        var std = new float[last];
        for (int j = 0; j < last; j++)
        {
            double m = sum[j] / count;
            double variance = Math.Max(0, (squares[j] / count) - (m * m));
            mean[j] = (float)m;
            // a constant feature keeps its scale rather than being divided by zero
            std[j] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return (mean, std);
    }
}
