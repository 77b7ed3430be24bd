using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Optimization;
using CoachPortal.Learning.Tests.Support;

namespace CoachPortal.Learning.Tests.Training;

public sealed class LossTests
{
    private static readonly double[] s_prediction = [0.3, -1.2, 2.5, 0.0, -0.4, 1.1];
    private static readonly double[] s_target = [0.5, -0.2, 0.4, 1.0, -0.6, 1.0];
    private static readonly double[] s_binary = [1, 0, 1, 0, 0, 1];
    private static readonly double[] s_variance = [0.5, 1.5, 0.8, 2.0, 0.3, 1.0];

    private static (double Value, double GradientError) Evaluate(Func<Graph, Tensor, Tensor, Tensor, Tensor> loss, double[] target)
    {
        var g = new Graph();
        var p = g.Input("p", ElementType.Double, 6);
        var y = g.Input("y", ElementType.Double, 6);
        var v = g.Input("v", ElementType.Double, 6);
        var l = g.Identity(loss(g, p, y, v));
        var values = new Dictionary<string, (double[], long[])> { ["p"] = (s_prediction, [6]), ["y"] = (target, [6]), ["v"] = (s_variance, [6]) };
        using var session = OrtHarness.Session(g, [l]);
        double value = OrtHarness.Run(session, ElementType.Double, values, [l.Name])[0][0];
        var wrt = loss.Method.Name.Contains("Gaussian") ? new[] { p, v } : [p];
        return (value, GradientCheck.MaxError(g, l, wrt, values, 1e-6));
    }

    private static double Mean(Func<int, double> term) => Enumerable.Range(0, 6).Average(term);

    [Fact]
    public void MeanSquaredErrorMatchesItsDefinition()
    {
        var (value, error) = Evaluate((g, p, y, _) => Losses.MeanSquaredError(g, p, y), s_target);
        Assert.Equal(Mean(i => Math.Pow(s_prediction[i] - s_target[i], 2)), value, 1e-12);
        Assert.InRange(error, 0, 1e-6);
    }

    [Fact]
    public void HuberIsQuadraticInsideDeltaAndLinearOutside()
    {
        var (value, error) = Evaluate((g, p, y, _) => Losses.Huber(g, p, y, 0.5), s_target);
        double Huber(double d) => Math.Abs(d) <= 0.5 ? 0.5 * d * d : 0.5 * (Math.Abs(d) - 0.25);
        Assert.Equal(Mean(i => Huber(s_prediction[i] - s_target[i])), value, 1e-12);
        Assert.InRange(error, 0, 1e-6);
    }

    [Fact]
    public void WeightedBinaryCrossEntropyOnLogitsMatchesItsDefinition()
    {
        var (value, error) = Evaluate((g, p, y, _) => Losses.BinaryCrossEntropyWithLogits(g, p, y, 3.0, 0.5), s_binary);
        double Term(int i)
        {
            double q = 1 / (1 + Math.Exp(-s_prediction[i]));
            return -(3.0 * s_binary[i] * Math.Log(q) + 0.5 * (1 - s_binary[i]) * Math.Log(1 - q));
        }

        Assert.Equal(Mean(Term), value, 1e-12);
        Assert.InRange(error, 0, 1e-6);
    }

    [Fact]
    public void GaussianNegativeLogLikelihoodMatchesItsDefinitionAndDifferentiatesInMeanAndVariance()
    {
        var (value, error) = Evaluate(GaussianNll, s_target);
        Assert.Equal(Mean(i => 0.5 * (Math.Log(s_variance[i]) + Math.Pow(s_target[i] - s_prediction[i], 2) / s_variance[i])), value, 1e-12);
        Assert.InRange(error, 0, 1e-6);
    }

    [Fact]
    public void PinballPenalisesUnderForecastsByTheQuantileAndOverForecastsByItsComplement()
    {
        var (value, error) = Evaluate((g, p, y, _) => Losses.Pinball(g, p, y, 0.8), s_target);
        double Pinball(double d) => d >= 0 ? 0.8 * d : -0.2 * d;
        Assert.Equal(Mean(i => Pinball(s_target[i] - s_prediction[i])), value, 1e-12);
        Assert.InRange(error, 0, 1e-6);
    }

    [Fact]
    public void CategoricalCrossEntropyMatchesItsDefinition()
    {
        var g = new Graph();
        var logits = g.Input("z", ElementType.Double, 2, 3);
        var oneHot = g.Input("y", ElementType.Double, 2, 3);
        var l = g.Identity(Losses.CategoricalCrossEntropy(g, logits, oneHot));
        double[] z = [1.0, -0.5, 2.0, 0.1, 0.3, -1.0];
        var values = new Dictionary<string, (double[], long[])> { ["z"] = (z, [2, 3]), ["y"] = ([0, 0, 1, 1, 0, 0], [2, 3]) };
        using var session = OrtHarness.Session(g, [l]);

        double value = OrtHarness.Run(session, ElementType.Double, values, [l.Name])[0][0];

        double expected = -(Math.Log(ReferenceModels.Softmax([1.0, -0.5, 2.0])[2]) + Math.Log(ReferenceModels.Softmax([0.1, 0.3, -1.0])[0])) / 2;
        Assert.Equal(expected, value, 1e-12);
        Assert.InRange(GradientCheck.MaxError(g, l, [logits], values, 1e-6), 0, 1e-6);
    }

    [Fact]
    public void SoftplusStaysFiniteAndExactForLargeLogitsInFloat32()
    {
        var g = new Graph();
        var z = g.Input("z", ElementType.Float, 4);
        var y = g.Identity(g.Softplus(z));
        using var session = OrtHarness.Session(g, [y]);

        var result = OrtHarness.Run(session, ElementType.Float, new Dictionary<string, (double[], long[])> { ["z"] = ([-120, -30, 30, 120], [4]) }, [y.Name])[0];

        Assert.Equal([0, Math.Exp(-30), 30, 120], result, (a, b) => Math.Abs(a - b) <= 1e-5 * Math.Max(1, Math.Abs(a)));
    }

    private static Tensor GaussianNll(Graph g, Tensor p, Tensor y, Tensor v) => Losses.GaussianNegativeLogLikelihood(g, p, v, y);
}
