using CoachPortal.Core.Technique;
using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;
using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Vision;

namespace CoachPortal.Core.Tests.Technique;

public sealed class TechniqueTrainerTests
{
    [Fact]
    public void AResNetHeadOnAFewDozenRenderedFramesBeatsTheMajorityClassOnAthletesItNeverSaw()
    {
        // nine athletes with eight frames each, three of them arms-up: the majority class is "arms down"
        var images = Enumerable.Range(0, 9).SelectMany(a =>
        {
            var random = new Random(100 + a);
            return Enumerable.Range(0, 8).Select(i => new TechniqueImage($"athlete-{a}", FigureRenderer.Png(i % 8 < 3, 224, random), i % 8 < 3));
        }).ToArray();
        using var trainer = new TechniqueTrainer();

        var report = trainer.TrainOnImages(images, TechniqueModelKind.ResNetHead, new TechniqueOptions { Device = DevicePreference.Cpu, IntraOpThreads = 2, OcclusionGrid = 4 });

        Assert.Equal(3, report.HeldOutAthletes.Count);
        Assert.Empty(report.HeldOutAthletes.Intersect(report.TrainingAthletes));
        Assert.Equal(0.625, report.MajorityAccuracy, 1e-9);
        Assert.True(report.ModelAccuracy > report.MajorityAccuracy, $"head {report.ModelAccuracy:P0} vs majority {report.MajorityAccuracy:P0}");
        Assert.Equal(PromotionVerdict.Promotable, report.Decision.Verdict);
        Assert.Equal("majority class", report.BestBaseline);
        var map = Assert.IsType<OcclusionMap>(report.Occlusion);
        Assert.Equal(16, map.Drops.Count);
        Assert.Contains(report.HeldOutAthletes, a => a == map.Athlete);
        using var head = new ClassifierScorer(report.OnnxBytes);
        Assert.Equal(new[] { ResNetFeaturizer.FeatureCount }, head.SampleShape);
    }

    [Fact]
    public void AKeypointCnnIsJudgedAgainstTheBetterOfMajorityAndJointAngleRegression()
    {
        var clips = Enumerable.Range(0, 10).SelectMany(a =>
        {
            var random = new Random(200 + a);
            double scale = 0.8 + (0.04 * a);
            return Enumerable.Range(0, 10).Select(i => new TechniqueClip($"athlete-{a}", KeypointClips.Squat(i % 2 == 0, 24, random, scale), i % 2 == 0));
        }).ToArray();
        var report = TechniqueTrainer.TrainOnClips(clips, new TechniqueOptions { Device = DevicePreference.Cpu, IntraOpThreads = 2 });

        Assert.NotNull(report.JointAngleAccuracy);
        Assert.True(report.ModelAccuracy >= 0.9, $"keypoint CNN {report.ModelAccuracy:P0}");
        Assert.Equal(PromotionVerdict.Promotable, report.Decision.Verdict);
        var map = Assert.IsType<OcclusionMap>(report.Occlusion);
        Assert.Equal((1, 24), (map.Rows, map.Columns));
        // the raise on the way down is in the first half of the clip, where covering frames must hurt most
        int strongest = map.Drops.Select((d, i) => (d, i)).MaxBy(p => p.d).i;
        Assert.InRange(strongest, 0, 15);
    }

    [Fact]
    public void TooFewAthletesToHoldOutThreeAreRefused()
    {
        var clips = Enumerable.Range(0, 4).Select(a => new TechniqueClip($"a{a}", KeypointClips.Squat(a % 2 == 0, 8, new Random(a)), a % 2 == 0)).ToArray();
        Assert.Throws<ArgumentException>(() => TechniqueTrainer.TrainOnClips(clips));
    }

    [Fact]
    public void AClassifierThatMakesNoFewerErrorsThanItsBaselineIsNotPromoted()
    {
        var outcomes = Enumerable.Range(0, 30).Select(i => new ClassificationOutcome($"a{i % 5}", i % 2 == 0, i % 3 == 0, i % 2 == 0)).ToArray();

        var decision = PromotionRule.JudgeClassifier(outcomes);

        Assert.Equal(PromotionVerdict.NotBetter, decision.Verdict);
        Assert.Contains("error ratio", decision.Reason, StringComparison.Ordinal);
    }
}
