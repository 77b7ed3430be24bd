using CoachPortal.Learning.Tests.Support;
using CoachPortal.Learning.Training;

namespace CoachPortal.Learning.Tests.Models;

public sealed class ModelForwardTests
{
    private const int Samples = 5;
    private const int Steps = 9;
    private const int Features = 3;

    private static (float[,,] X, float[,] Mask) Inputs(int seed, bool someMissing)
    {
        var rng = new Random(seed);
        var x = new float[Samples, Steps, Features];
        var mask = new float[Samples, Features];
        for (int n = 0; n < Samples; n++)
        {
            for (int f = 0; f < Features; f++)
            {
                mask[n, f] = someMissing && (n + f) % 4 == 0 ? 0f : 1f;
                for (int t = 0; t < Steps; t++)
                {
                    x[n, t, f] = (float)(5 + 3 * rng.NextDouble());
                }
            }
        }

        return (x, mask);
    }

    private static (ModelScorer Scorer, ReferenceModels Reference, Normalization Norm) Build(ModelKind kind, LossKind loss, int classes, TrainingOptions options)
    {
        var rng = new Random(17);
        var norm = new Normalization(
            Enumerable.Range(0, Features).Select(_ => (float)(5 + rng.NextDouble())).ToArray(),
            Enumerable.Range(0, Features).Select(_ => (float)(0.5 + rng.NextDouble())).ToArray(),
            12.5f,
            3.25f);
        var blueprint = ModelBlueprint.Create(kind, loss, Steps, Features, classes, options, norm);
        // every parameter random, including biases and layer-norm gains the initialiser sets to constants
        var weights = blueprint.Parameters.ToDictionary(p => p.Parameter.Name, p => p.Initial.Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray());
        var metadata = ModelBlueprint.Metadata(kind, loss, Steps, Features, classes, norm, new TrainingDataset(new float[1, Steps, Features], [0f]));
        var scorer = new ModelScorer(blueprint.ExportInference(weights, metadata), intraOpThreads: 1);
        return (scorer, new ReferenceModels(weights, norm.FeatureMean, norm.FeatureStd), norm);
    }

    [Fact]
    public void GruForwardEqualsThePlainCSharpGru()
    {
        var options = new TrainingOptions { HiddenSize = 6 };
        var (scorer, reference, norm) = Build(ModelKind.GruForecaster, LossKind.GaussianNll, 0, options);
        using var _ = scorer;
        var (x, mask) = Inputs(1, someMissing: true);

        var result = scorer.Score(x, mask);

        for (int n = 0; n < Samples; n++)
        {
            var head = reference.Gru(reference.Normalize(x, mask, n), 6, 2);
            Assert.Equal(head[0] * norm.TargetStd + norm.TargetMean, result.Mean![n], 1e-4);
            Assert.Equal((ReferenceModels.Softplus(head[1]) + 1e-4) * norm.TargetStd * norm.TargetStd, result.Variance![n], 1e-4);
        }
    }

    [Fact]
    public void AttentionForwardEqualsThePlainCSharpTransformerIncludingItsAttentionWeights()
    {
        var options = new TrainingOptions { HiddenSize = 8, AttentionHeads = 2, AttentionLayers = 2 };
        var (scorer, reference, norm) = Build(ModelKind.AttentionForecaster, LossKind.MeanSquaredError, 0, options);
        using var _ = scorer;
        var (x, mask) = Inputs(2, someMissing: false);

        var result = scorer.Score(x, mask);

        Assert.Null(result.Variance);
        for (int n = 0; n < Samples; n++)
        {
            var (head, attention) = reference.Attention(reference.Normalize(x, mask, n), 8, 2, 2, 1);
            Assert.Equal(head[0] * norm.TargetStd + norm.TargetMean, result.Mean![n], 1e-4);
            for (int t = 0; t < Steps; t++)
            {
                Assert.Equal(attention[t], result.Attention![n, t], 1e-5);
            }
        }
    }

    [Fact]
    public void SessionCnnForwardEqualsThePlainCSharpConvolutionsWithMaskedChannels()
    {
        var options = new TrainingOptions { HiddenSize = 5, KernelSize = 4 };
        var (scorer, reference, _) = Build(ModelKind.SessionCnn, LossKind.CategoricalCrossEntropy, 3, options);
        using var s = scorer;
        var (x, mask) = Inputs(3, someMissing: true);

        var result = scorer.Score(x, mask);

        for (int n = 0; n < Samples; n++)
        {
            var (head, evidence) = reference.Cnn(reference.Normalize(x, mask, n), mask, n, 5, 4, 3);
            var probabilities = ReferenceModels.Softmax(head);
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(probabilities[k], result.ClassProbabilities![n, k], 1e-5);
                for (int t = 0; t < Steps; t++)
                {
                    Assert.Equal(evidence[t, k], result.Evidence![n, t, k], 1e-4);
                }
            }
        }
    }

    [Fact]
    public void BinaryHeadOutputsTheSigmoidOfTheGruLogit()
    {
        var options = new TrainingOptions { HiddenSize = 4, Loss = LossKind.BinaryCrossEntropy };
        var (scorer, reference, _) = Build(ModelKind.GruForecaster, LossKind.BinaryCrossEntropy, 0, options);
        using var _ = scorer;
        var (x, mask) = Inputs(4, someMissing: false);

        var result = scorer.Score(x, mask);

        Assert.Null(result.Mean);
        for (int n = 0; n < Samples; n++)
        {
            Assert.Equal(ReferenceModels.Sigmoid(reference.Gru(reference.Normalize(x, mask, n), 4, 1)[0]), result.Probability![n], 1e-5);
        }
    }
}
