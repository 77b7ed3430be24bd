using System.Diagnostics;
using System.Globalization;
using CoachPortal.Learning.Optimization;
using CoachPortal.Learning.Runtime;
using CoachPortal.Learning.Simulation;
using CoachPortal.Learning.Training;

namespace CoachPortal.Learning;

/// <summary>
/// Trains a model end to end: standardisation from the training split, graph, autodiff, AdamW, ONNX Runtime on CUDA
/// when it loads (else CPU), early stopping on the time-ordered validation split, export of the best weights.
/// Synchronous and CPU/GPU-bound: call it from a background job, not from a request or a UI thread.
/// </summary>
/// <example>
/// <code>
/// var data = new TrainingDataset(features, targets) { FeatureNames = names, DataSpan = "2025-01-01/2025-12-31" };
/// var model = ForecastTrainer.Train(ModelKind.GruForecaster, data, new TrainingOptions { Loss = LossKind.GaussianNll },
///     new Progress&lt;TrainingProgress&gt;(p => SaveProgress(p)), cancellationToken);
/// Store(model.OnnxBytes, model.Metrics, model.Device, model.DeviceReason);
///
/// using var scorer = new ModelScorer(storedBytes);
/// var forecast = scorer.Score(recentWindows);   // forecast.Mean, forecast.Variance, forecast.Attention ...
/// </code>
/// </example>
public static class ForecastTrainer
{
    private const int ProgressEverySteps = 20;
    private const int EvaluationChunk = 1024;

    /// <summary>Trains <paramref name="kind"/> on <paramref name="dataset"/>.</summary>
    /// <param name="kind">the architecture</param>
    /// <param name="dataset">samples in time order; the last <see cref="TrainingOptions.ValidationFraction"/> validates</param>
    /// <param name="options">objective, sizes, schedule, device; defaults when null</param>
    /// <param name="progress">receives epoch and step losses (for live charts); optional</param>
    /// <param name="cancellationToken">checked before every step</param>
    /// <returns>the inference model with the best validation epoch's weights, its metrics and the device used</returns>
    /// <exception cref="LearningException">the data do not fit the options, a required device is missing, or training diverged</exception>
    /// <exception cref="OperationCanceledException">cancelled</exception>
    public static TrainedModel Train(ModelKind kind, TrainingDataset dataset, TrainingOptions? options = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new TrainingOptions();
        var clock = Stopwatch.StartNew();
        if (options.Dropout is < 0 or >= 1)
        {
            throw new LearningException($"dropout must be in [0, 1), got {options.Dropout}");
        }

        int validationCount = (int)Math.Round(dataset.Count * options.ValidationFraction);
        int trainCount = dataset.Count - validationCount;
        if (validationCount < 1 || trainCount < 2)
        {
            throw new LearningException($"{dataset.Count} samples are too few for a validation fraction of {options.ValidationFraction}");
        }

        var loss = options.Loss;
        int classes = ClassCount(dataset, options);
        var normalization = Normalize(dataset, trainCount, loss);
        var blueprint = ModelBlueprint.Create(kind, loss, dataset.Steps, dataset.FeatureCount, classes, options, normalization);
        var program = blueprint.BuildProgram(new AdamWSettings(WeightDecay: options.WeightDecay, ClipNorm: options.ClipNorm));
        var data = new HostData(dataset, loss, classes);
        int batchSize = Math.Min(options.BatchSize, trainCount);
        int stepsPerEpoch = trainCount / batchSize;
        long totalSteps = (long)stepsPerEpoch * options.Epochs;
        var trainRows = Enumerable.Range(0, trainCount).ToArray();
        var validationRows = Enumerable.Range(trainCount, validationCount).ToArray();
        string signature = string.Join('|', kind, loss, dataset.Steps, dataset.FeatureCount, classes, options.HiddenSize, options.AttentionHeads, options.AttentionLayers, options.KernelSize, options.Dropout, batchSize, trainCount);

        using var session = new TrainingStepRunner(program, batchSize, options.Device, options.CudaDeviceId, options.IntraOpThreads, options.Log);
        int startEpoch = 0;
        long step = 0;
        int bestEpoch = 0;
        double bestValidation = double.PositiveInfinity;
        double bestTraining = double.NaN;
        int stale = 0;
        IReadOnlyDictionary<string, float[]>? bestState = null;
        if (options.ResumeFrom is { } checkpoint)
        {
            if (checkpoint.Signature != signature)
            {
                throw new LearningException("the checkpoint was made for another model, dataset size or batch size");
            }

            session.LoadState(checkpoint.State);
            (startEpoch, step, bestEpoch, bestValidation, bestTraining, stale, bestState) =
                (checkpoint.Epoch, checkpoint.Steps, checkpoint.BestEpoch, checkpoint.BestValidationLoss, checkpoint.BestTrainingLoss, checkpoint.EpochsWithoutImprovement, checkpoint.BestState);
        }

        float[][] batch = [new float[batchSize * data.FeatureWidth], new float[batchSize * data.MaskWidth], new float[batchSize * data.TargetWidth]];
        if (program.Data.Count > batch.Length)
        {
            batch = [.. batch, new float[batchSize * program.Data[^1].Shape[1]]];
        }

        int epoch = startEpoch;
        while (epoch < options.Epochs && stale < options.Patience)
        {
            epoch++;
            // batch order depends only on (seed, epoch), so a resumed run sees the same batches
            var random = new DeterministicRandom(options.Seed * 0x9E3779B97F4A7C15UL + (ulong)epoch);
            for (int i = 0; i < trainRows.Length; i++)
            {
                trainRows[i] = i;
            }

            random.Shuffle(trainRows);
            double lossSum = 0;
            for (int b = 0; b < stepsPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                data.Gather(trainRows.AsSpan(b * batchSize, batchSize), batch);
                if (batch.Length > 3)
                {
                    FillDropoutMask(batch[3], options.Dropout, random);
                }
                float batchLoss = session.Step(batch, (float)LearningRate(options, step, totalSteps));
                if (!float.IsFinite(batchLoss))
                {
                    throw new LearningException($"training diverged at step {step + 1} (loss {batchLoss.ToString(CultureInfo.InvariantCulture)}); lower the learning rate");
                }

                lossSum += batchLoss;
                step++;
                if ((b + 1) % ProgressEverySteps == 0)
                {
                    progress?.Report(new TrainingProgress(epoch, step, lossSum / (b + 1), null, session.Device));
                }
            }

            double trainingLoss = lossSum / stepsPerEpoch;
            double validationLoss = Evaluate(session, data, validationRows).Loss;
            if (validationLoss < bestValidation)
            {
                (bestValidation, bestTraining, bestEpoch, stale) = (validationLoss, trainingLoss, epoch, 0);
                bestState = session.ReadState();
            }
            else
            {
                stale++;
            }

            progress?.Report(new TrainingProgress(epoch, step, trainingLoss, validationLoss, session.Device));
            options.CheckpointSaved?.Invoke(new TrainingCheckpoint(signature, epoch, step, bestEpoch, bestValidation, bestTraining, stale, session.ReadState(), bestState!));
        }

        if (bestState is null)
        {
            throw new LearningException("no epoch was run; raise Epochs");
        }

        session.LoadState(bestState);
        var final = Evaluate(session, data, validationRows);
        var metrics = Metrics(loss, data, trainCount, validationRows, final) with
        {
            EpochsRun = epoch,
            BestEpoch = bestEpoch,
            StepsRun = step,
            TrainingLoss = bestTraining,
            ValidationLoss = bestValidation,
            Duration = clock.Elapsed,
        };
        var onnx = blueprint.ExportInference(bestState, ModelBlueprint.Metadata(kind, loss, dataset.Steps, dataset.FeatureCount, classes, normalization, dataset));
        return new TrainedModel(onnx, kind, loss, metrics, session.Device, session.DeviceReason);
    }

    /// <summary>Linear warm-up, then cosine decay to 10 % of the peak (Loshchilov and Hutter, 2017, without restarts).</summary>
    internal static double LearningRate(TrainingOptions options, long step, long totalSteps)
    {
        if (step < options.WarmupSteps)
        {
            return options.LearningRate * (step + 1) / options.WarmupSteps;
        }

        double progress = Math.Clamp((step - options.WarmupSteps) / (double)Math.Max(1, totalSteps - options.WarmupSteps), 0, 1);
        return options.LearningRate * (0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    // inverted dropout: kept units are scaled by 1/(1-p) so inference needs no rescaling
    private static void FillDropoutMask(float[] mask, double probability, DeterministicRandom random)
    {
        float kept = (float)(1 / (1 - probability));
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextDouble() < probability ? 0f : kept;
        }
    }

    private static int ClassCount(TrainingDataset dataset, TrainingOptions options)
    {
        if (options.Loss != LossKind.CategoricalCrossEntropy)
        {
            if (options.Loss == LossKind.BinaryCrossEntropy && dataset.Targets.Any(t => t is not (0f or 1f)))
            {
                throw new LearningException("binary targets must be 0 or 1");
            }

            return 0;
        }

        int classes = options.ClassCount > 0 ? options.ClassCount : (int)dataset.Targets.Max() + 1;
        if (dataset.Targets.Any(t => t < 0 || t >= classes || t != MathF.Floor(t)))
        {
            throw new LearningException($"class targets must be integers in [0, {classes})");
        }

        return classes;
    }

    private static Normalization Normalize(TrainingDataset dataset, int trainCount, LossKind loss)
    {
        int features = dataset.FeatureCount;
        var sum = new double[features];
        var sumSquares = new double[features];
        var count = new double[features];
        for (int i = 0; i < trainCount; i++)
        {
            for (int f = 0; f < features; f++)
            {
                if (dataset.ChannelMask is { } mask && mask[i, f] == 0)
                {
                    continue;
                }

                for (int t = 0; t < dataset.Steps; t++)
                {
                    double v = dataset.Features[i, t, f];
                    sum[f] += v;
                    sumSquares[f] += v * v;
                    count[f]++;
                }
            }
        }

        var mean = new float[features];
        var std = new float[features];
        for (int f = 0; f < features; f++)
        {
            double m = count[f] > 0 ? sum[f] / count[f] : 0;
            double variance = count[f] > 0 ? sumSquares[f] / count[f] - m * m : 1;
            mean[f] = (float)m;
            std[f] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        if (loss is LossKind.BinaryCrossEntropy or LossKind.CategoricalCrossEntropy)
        {
            return new Normalization(mean, std, 0f, 1f);
        }

        double targetMean = dataset.Targets.Take(trainCount).Average();
        double targetVariance = dataset.Targets.Take(trainCount).Average(t => (t - targetMean) * (t - targetMean));
        return new Normalization(mean, std, (float)targetMean, targetVariance > 1e-12 ? (float)Math.Sqrt(targetVariance) : 1f);
    }

    private sealed record Evaluation(double Loss, Dictionary<string, float[]> Outputs);

    private static Evaluation Evaluate(TrainingStepRunner session, HostData data, int[] rows)
    {
        double lossSum = 0;
        var outputs = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        var names = session.EvaluationOutputs;
        for (int start = 0; start < rows.Length; start += EvaluationChunk)
        {
            int n = Math.Min(EvaluationChunk, rows.Length - start);
            var result = session.Evaluate(data.Rows(rows.AsSpan(start, n)), n);
            lossSum += result[0][0] * n;
            for (int k = 1; k < names.Count; k++)
            {
                if (!outputs.TryGetValue(names[k], out var list))
                {
                    outputs[names[k]] = list = [];
                }

                list.AddRange(result[k]);
            }
        }

        return new Evaluation(lossSum / rows.Length, outputs.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    private static TrainingMetrics Metrics(LossKind loss, HostData data, int trainCount, int[] validationRows, Evaluation evaluation)
    {
        var metrics = new TrainingMetrics { EpochsRun = 0, BestEpoch = 0, StepsRun = 0, TrainingLoss = 0, ValidationLoss = 0, Duration = TimeSpan.Zero };
        if (loss == LossKind.CategoricalCrossEntropy)
        {
            int k = data.TargetWidth;
            int Label(int row) => data.Targets.AsSpan(row * k, k).IndexOf(1f);
            var probabilities = evaluation.Outputs["probabilities"];
            int correct = validationRows.Select((row, i) => ArgMax(probabilities.AsSpan(i * k, k)) == Label(row) ? 1 : 0).Sum();
            int majority = Enumerable.Range(0, trainCount).GroupBy(Label).MaxBy(g => g.Count())!.Key;
            return metrics with
            {
                ValidationAccuracy = correct / (double)validationRows.Length,
                BaselineAccuracy = validationRows.Count(r => Label(r) == majority) / (double)validationRows.Length,
            };
        }

        if (loss == LossKind.BinaryCrossEntropy)
        {
            var probability = evaluation.Outputs["probability"];
            int correct = validationRows.Select((row, i) => (probability[i] >= 0.5f) == (data.Targets[row] == 1f) ? 1 : 0).Sum();
            float majority = data.Targets.Take(trainCount).Count(t => t == 1f) * 2 > trainCount ? 1f : 0f;
            return metrics with
            {
                ValidationAccuracy = correct / (double)validationRows.Length,
                BaselineAccuracy = validationRows.Count(r => data.Targets[r] == majority) / (double)validationRows.Length,
            };
        }

        var mean = evaluation.Outputs["mean"];
        double trainMean = data.Targets.Take(trainCount).Average();
        return metrics with
        {
            ValidationMeanSquaredError = validationRows.Select((row, i) => Math.Pow(mean[i] - data.Targets[row], 2)).Average(),
            BaselineMeanSquaredError = validationRows.Average(row => Math.Pow(trainMean - data.Targets[row], 2)),
        };
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
