using CoachPortal.Learning.Simulation;
using CoachPortal.Learning.Tests.Support;

namespace CoachPortal.Learning.Tests.Training;

public sealed class ForecastTrainerTests
{
    private static readonly Lazy<TrainingDataset> s_small = new(() =>
    {
        var simulator = new AthleteSimulator(new SimulatorOptions { Days = 90 });
        var athletes = Enumerable.Range(0, 3).Select(i => simulator.Simulate((ulong)(7 + i))).ToArray();
        return SimulatedDatasets.PerformanceForecast(athletes, windowDays: 7, horizonDays: 1, stride: 2);
    });

    private static TrainingOptions Tiny(int epochs = 4) => new()
    {
        Loss = LossKind.GaussianNll,
        HiddenSize = 4,
        Epochs = epochs,
        Patience = 100,
        BatchSize = 16,
        IntraOpThreads = 1,
        Device = DevicePreference.Cpu,
    };

    [Fact]
    public void WithoutAGpuAutoTrainingLogsOnePlainLineAndNoProviderError()
    {
        var log = new List<string>();
        var options = Tiny(1);
        options.Device = DevicePreference.Auto;
        options.Log = log.Add;
        TrainedModel? model = null;

        var stderr = NativeStderr.Capture(() =>
        {
            model = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, options);
            model = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, options);
        });

        if (model!.Device == ExecutionDevice.Cpu)
        {
            // One plain line per run, without the provider's load error (paths, error codes, source files).
            Assert.DoesNotContain("onnxruntime", stderr, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(2, log.Count);
            Assert.All(log, line =>
            {
                Assert.Contains("CPU", line, StringComparison.Ordinal);
                Assert.DoesNotContain("onnxruntime", line, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("ErrorCode", line, StringComparison.Ordinal);
            });
            Assert.DoesNotContain("onnxruntime", model.DeviceReason, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void AutoFallsBackToCpuWhenTheCudaProviderDoesNotLoadAndSaysWhyOnce()
    {
        var log = new List<string>();
        var options = Tiny(1);
        options.Device = DevicePreference.Auto;
        options.CudaDeviceId = 97;   // no machine has this device, so the CUDA provider fails to load everywhere
        options.Log = log.Add;

        var model = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, options);

        Assert.Equal(ExecutionDevice.Cpu, model.Device);
        Assert.Contains("CUDA", model.DeviceReason);
        var line = Assert.Single(log);
        Assert.Contains("CPU", line);
        Assert.Contains(model.DeviceReason, line);
    }

    [Fact]
    public void RequiringCudaWhenItDoesNotLoadThrowsALearningException()
    {
        var options = Tiny(1);
        options.Device = DevicePreference.Cuda;
        options.CudaDeviceId = 97;

        var ex = Assert.Throws<LearningException>(() => ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, options));
        Assert.Contains("CUDA", ex.Message);
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelAndAnotherSeedAnother()
    {
        var a = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, Tiny(2));
        var b = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, Tiny(2));
        var other = Tiny(2);
        other.Seed = 2;
        var c = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, other);

        Assert.Equal(a.OnnxBytes, b.OnnxBytes);
        Assert.NotEqual(a.OnnxBytes, c.OnnxBytes);
    }

    [Fact]
    public void ResumingFromASerialisedCheckpointEndsExactlyWhereAnUninterruptedRunEnds()
    {
        var checkpoints = new List<TrainingCheckpoint>();
        var options = Tiny(4);
        options.CheckpointSaved = checkpoints.Add;
        var uninterrupted = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, options);

        var resumed = Tiny(4);
        resumed.ResumeFrom = TrainingCheckpoint.FromBytes(checkpoints[1].ToBytes());
        var continued = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, resumed);

        Assert.Equal(4, checkpoints.Count);
        Assert.Equal(2, checkpoints[1].Epoch);
        Assert.Equal(uninterrupted.Metrics.StepsRun, continued.Metrics.StepsRun);
        Assert.Equal(uninterrupted.OnnxBytes, continued.OnnxBytes);
    }

    [Fact]
    public void ACheckpointOfAnotherModelIsRefused()
    {
        var checkpoints = new List<TrainingCheckpoint>();
        var options = Tiny(1);
        options.CheckpointSaved = checkpoints.Add;
        ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, options);

        var other = Tiny(1);
        other.HiddenSize = 8;
        other.ResumeFrom = checkpoints[0];

        Assert.Throws<LearningException>(() => ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, other));
    }

    [Fact]
    public void ProgressReportsEveryEpochWithItsValidationLossAndTheBestEpochIsKept()
    {
        var reports = new List<TrainingProgress>();
        var model = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, Tiny(5), new SynchronousProgress(reports.Add));

        var epochEnds = reports.Where(r => r.ValidationLoss is not null).ToList();
        Assert.Equal(Enumerable.Range(1, 5), epochEnds.Select(r => r.Epoch));
        Assert.All(epochEnds, r => Assert.Equal(ExecutionDevice.Cpu, r.Device));
        var best = epochEnds.MinBy(r => r.ValidationLoss)!;
        Assert.Equal(best.Epoch, model.Metrics.BestEpoch);
        Assert.Equal(best.ValidationLoss!.Value, model.Metrics.ValidationLoss, 1e-9);
        Assert.True(epochEnds[^1].Step > epochEnds[0].Step);
    }

    [Fact]
    public void EarlyStoppingEndsTrainingAfterPatienceEpochsWithoutImprovement()
    {
        var options = Tiny(40);
        options.Patience = 1;
        options.LearningRate = 0.05;

        var model = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, options);

        Assert.True(model.Metrics.EpochsRun < 40);
        Assert.Equal(model.Metrics.BestEpoch + 1, model.Metrics.EpochsRun);
    }

    [Fact]
    public void CancellationStopsTrainingBetweenSteps()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, Tiny(50), progress, cancellation.Token));
    }

    [Fact]
    public void TheExportedModelReloadsAndScoresTheValidationSplitExactlyAsTrainingMeasuredIt()
    {
        var data = s_small.Value;
        var model = ForecastTrainer.Train(ModelKind.GruForecaster, data, Tiny(3));
        int validation = (int)Math.Round(data.Count * 0.2);
        int first = data.Count - validation;
        var x = new float[validation, data.Steps, data.FeatureCount];
        Buffer.BlockCopy(data.Features, first * data.Steps * data.FeatureCount * sizeof(float), x, 0, x.Length * sizeof(float));

        using var scorer = new ModelScorer(model.OnnxBytes);
        var result = scorer.Score(x);
        using var reloaded = new ModelScorer((byte[])model.OnnxBytes.Clone());
        var again = reloaded.Score(x);

        double mse = Enumerable.Range(0, validation).Average(i => Math.Pow(result.Mean![i] - data.Targets[first + i], 2));
        Assert.Equal(model.Metrics.ValidationMeanSquaredError!.Value, mse, model.Metrics.ValidationMeanSquaredError.Value * 1e-5);
        Assert.Equal(result.Mean, again.Mean);
        Assert.All(result.Variance!, v => Assert.True(v > 0));
        Assert.Equal(ModelKind.GruForecaster, scorer.Kind);
        Assert.Equal(SimulatedDatasets.DailyFeatureNames, System.Text.Json.JsonSerializer.Deserialize<string[]>(scorer.Metadata[ModelMetadataKeys.FeatureNames]));
        Assert.Equal(data.DataSpan, scorer.Metadata[ModelMetadataKeys.DataSpan]);
    }

    [Fact]
    public void ScoringRejectsSamplesOfTheWrongShape()
    {
        var model = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, Tiny(1));
        using var scorer = new ModelScorer(model.OnnxBytes);

        Assert.Throws<LearningException>(() => scorer.Score(new float[2, s_small.Value.Steps + 1, s_small.Value.FeatureCount]));
    }

    [Fact]
    public void ScoringMoreSamplesThanOneChunkEqualsScoringThemOneByOne()
    {
        var model = ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, Tiny(1));
        using var scorer = new ModelScorer(model.OnnxBytes);
        var data = s_small.Value;
        int count = 1030;
        var x = new float[count, data.Steps, data.FeatureCount];
        int sampleSize = data.Steps * data.FeatureCount;
        for (int i = 0; i < count; i++)
        {
            Buffer.BlockCopy(data.Features, i % data.Count * sampleSize * sizeof(float), x, i * sampleSize * sizeof(float), sampleSize * sizeof(float));
        }

        var all = scorer.Score(x);

        foreach (var i in new[] { 0, 1023, 1024, 1029 })
        {
            var one = new float[1, data.Steps, data.FeatureCount];
            Buffer.BlockCopy(x, i * sampleSize * sizeof(float), one, 0, sampleSize * sizeof(float));
            var single = scorer.Score(one);
            // batch size changes ORT's MatMul blocking, so agreement is to float rounding, relative
            Assert.Equal(single.Mean![0], all.Mean![i], 1e-6 * Math.Abs(single.Mean[0]));
            Assert.Equal(single.Variance![0], all.Variance![i], 1e-5 * single.Variance[0]);
        }
    }

    [Fact]
    public void PinballAtTheNinetiethPercentileForecastsAboveTheTenth()
    {
        var high = Tiny(6);
        high.Loss = LossKind.Pinball;
        high.Quantile = 0.9;
        var low = Tiny(6);
        low.Loss = LossKind.Pinball;
        low.Quantile = 0.1;
        var x = s_small.Value.Features;

        using var highScorer = new ModelScorer(ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, high).OnnxBytes);
        using var lowScorer = new ModelScorer(ForecastTrainer.Train(ModelKind.GruForecaster, s_small.Value, low).OnnxBytes);

        Assert.True(highScorer.Score(x).Mean!.Average() > lowScorer.Score(x).Mean!.Average());
    }

    [Fact]
    public void BinaryInjuryHeadGivesProbabilitiesAndAHeavierPositiveWeightRaisesThem()
    {
        var simulator = new AthleteSimulator(new SimulatorOptions { Days = 120, BaseInjuryHazard = 0.02 });
        var athletes = Enumerable.Range(0, 3).Select(i => simulator.Simulate((ulong)(40 + i))).ToArray();
        var data = SimulatedDatasets.InjuryRisk(athletes, windowDays: 14, withinDays: 7, stride: 2);
        var plain = Tiny(4);
        plain.Loss = LossKind.BinaryCrossEntropy;
        var weighted = Tiny(4);
        weighted.Loss = LossKind.BinaryCrossEntropy;
        weighted.PositiveClassWeight = 8;

        using var plainScorer = new ModelScorer(ForecastTrainer.Train(ModelKind.GruForecaster, data, plain).OnnxBytes);
        var weightedModel = ForecastTrainer.Train(ModelKind.GruForecaster, data, weighted);
        using var weightedScorer = new ModelScorer(weightedModel.OnnxBytes);
        var p = plainScorer.Score(data.Features).Probability!;
        var q = weightedScorer.Score(data.Features).Probability!;

        Assert.Contains(1f, data.Targets);
        Assert.All(q, v => Assert.InRange(v, 0f, 1f));
        Assert.True(q.Average() > p.Average() + 0.05, $"weighted {q.Average()} vs plain {p.Average()}");
        Assert.NotNull(weightedModel.Metrics.ValidationAccuracy);
    }

    [Theory]
    [InlineData(ModelKind.GruForecaster)]
    [InlineData(ModelKind.AttentionForecaster)]
    public void DropoutChangesTrainingButTheExportedModelScoresDeterministicallyWithoutIt(ModelKind kind)
    {
        var withDropout = Tiny(3);
        withDropout.Dropout = 0.3;
        withDropout.AttentionHeads = 2;
        var without = Tiny(3);
        without.AttentionHeads = 2;

        var dropped = ForecastTrainer.Train(kind, s_small.Value, withDropout);
        var plain = ForecastTrainer.Train(kind, s_small.Value, without);
        using var scorer = new ModelScorer(dropped.OnnxBytes);

        Assert.NotEqual(plain.OnnxBytes, dropped.OnnxBytes);
        Assert.True(double.IsFinite(dropped.Metrics.ValidationLoss));
        Assert.Equal(scorer.Score(s_small.Value.Features).Mean, scorer.Score(s_small.Value.Features).Mean);
        Assert.Throws<LearningException>(() => ForecastTrainer.Train(kind, s_small.Value, new TrainingOptions { Dropout = 1.0 }));
    }

    [Fact]
    public void TooFewSamplesForAValidationSplitAreRefused()
    {
        var data = new TrainingDataset(new float[2, 3, 1], [1f, 2f]);

        Assert.Throws<LearningException>(() => ForecastTrainer.Train(ModelKind.GruForecaster, data, Tiny(1)));
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
