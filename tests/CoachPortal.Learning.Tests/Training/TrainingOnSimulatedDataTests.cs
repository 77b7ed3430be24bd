using CoachPortal.Learning.Simulation;

namespace CoachPortal.Learning.Tests.Training;

public sealed class TrainingOnSimulatedDataTests
{
    private static readonly Lazy<TrainingDataset> s_performance = new(() =>
    {
        var simulator = new AthleteSimulator(new SimulatorOptions { Days = 160 });
        var athletes = Enumerable.Range(0, 6).Select(i => simulator.Simulate((ulong)(100 + i))).ToArray();
        return SimulatedDatasets.PerformanceForecast(athletes, windowDays: 21, horizonDays: 1, stride: 2);
    });

    private static TrainingOptions Small(LossKind loss) => new()
    {
        Loss = loss,
        HiddenSize = 16,
        AttentionHeads = 2,
        Epochs = 25,
        Patience = 6,
        BatchSize = 32,
        LearningRate = 1e-2,
        IntraOpThreads = 1,
        Device = DevicePreference.Cpu,
    };

    [Theory]
    [InlineData(ModelKind.GruForecaster)]
    [InlineData(ModelKind.AttentionForecaster)]
    public void ForecasterBeatsPredictingTheTrainingMeanOnSimulatedPerformance(ModelKind kind)
    {
        var model = ForecastTrainer.Train(kind, s_performance.Value, Small(LossKind.GaussianNll));

        Assert.True(model.Metrics.ValidationMeanSquaredError < 0.3 * model.Metrics.BaselineMeanSquaredError,
            $"validation MSE {model.Metrics.ValidationMeanSquaredError} vs baseline {model.Metrics.BaselineMeanSquaredError} after {model.Metrics.EpochsRun} epochs");
    }

    [Fact]
    public void SessionCnnClassifiesSimulatedSessionsFarAboveTheMajorityClass()
    {
        var data = SimulatedDatasets.SessionClasses(250, seed: 5, length: 48, missingChannelProbability: 0.3);
        var options = Small(LossKind.CategoricalCrossEntropy);
        options.HiddenSize = 8;
        options.Epochs = 15;

        var model = ForecastTrainer.Train(ModelKind.SessionCnn, data, options);

        Assert.True(model.Metrics.ValidationAccuracy > 0.8, $"accuracy {model.Metrics.ValidationAccuracy}, baseline {model.Metrics.BaselineAccuracy}");
        Assert.True(model.Metrics.BaselineAccuracy < 0.4);
    }
}
