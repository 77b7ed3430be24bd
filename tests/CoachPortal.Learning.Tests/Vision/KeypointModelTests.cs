using CoachPortal.Learning.Baselines;
using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Vision;

namespace CoachPortal.Learning.Tests.Vision;

public sealed class KeypointModelTests
{
    private const int Frames = 24;

    [Fact]
    public void TheKeypointCnnLearnsTheOrderOfFramesThatJointAngleStatisticsCannotSee()
    {
        var random = new Random(8);
        var trainLabels = Enumerable.Range(0, 96).Select(i => i % 2 == 0).ToArray();
        var testLabels = Enumerable.Range(0, 48).Select(i => i % 2 == 0).ToArray();
        var train = trainLabels.Select(l => KeypointClips.Squat(l, Frames, random, 0.8 + (0.4 * random.NextDouble()))).ToArray();
        var test = testLabels.Select(l => KeypointClips.Squat(l, Frames, random, 0.8 + (0.4 * random.NextDouble()))).ToArray();

        var model = ClassifierTrainer.Train(ClassifierKind.KeypointCnn, new ClassifierDataset(train, trainLabels, Frames, JointAngles.FrameWidth),
            new ClassifierOptions { Epochs = 40, BatchSize = 16, LearningRate = 3e-3, HiddenSize = 16, Device = DevicePreference.Cpu, IntraOpThreads = 2 });
        using var scorer = new ClassifierScorer(model.OnnxBytes);
        var probabilities = scorer.Probabilities(test);
        double cnn = probabilities.Select((p, i) => p >= 0.5 == testLabels[i] ? 1.0 : 0.0).Average();
        var regression = LogisticRegression.Fit(train.Select(JointAngles.Summary).ToArray(), trainLabels.Select(l => l ? 1.0 : 0.0).ToArray());
        double angles = test.Select((c, i) => regression.Predict(JointAngles.Summary(c)) >= 0.5 == testLabels[i] ? 1.0 : 0.0).Average();

        Assert.True(cnn >= 0.9, $"keypoint CNN held-out accuracy {cnn:P1}");
        Assert.True(angles <= 0.75, $"joint-angle baseline {angles:P1} should be near chance on this task");
    }

    [Fact]
    public void JointAnglesOfAStraightAndABentArmAre180And90Degrees()
    {
        var frame = new float[JointAngles.FrameWidth];
        void Set(int k, float x, float y) => (frame[3 * k], frame[(3 * k) + 1]) = (x, y);
        Set(11, 0, 0);
        Set(13, 1, 0);
        Set(15, 2, 0);
        Set(12, 0, 0);
        Set(14, 1, 0);
        Set(16, 1, 1);

        var angles = JointAngles.PerFrame(frame)[0];

        Assert.Equal(180, angles[0], 1e-6);
        Assert.Equal(90, angles[1], 1e-6);
        Assert.Equal(24, JointAngles.Summary(frame).Length);
        Assert.Throws<LearningException>(() => JointAngles.PerFrame(new float[10]));
    }
}
