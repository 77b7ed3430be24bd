using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Tests.Support;

namespace CoachPortal.Learning.Tests.Autodiff;

public sealed class ConvolutionRuleTests
{
    // ORT's CPU Conv and ConvTranspose kernels are float-only, so these rules are checked in float32
    private const double Float32Tolerance = 2e-2;

    [Fact]
    public void Conv2DWithPaddingAndBiasMatchesCentralDifferences() =>
        Assert.InRange(Error((g, x) => g.Tanh(g.Conv(x[0], x[1], x[2], [1, 0, 1, 2])), [([2, 3, 6, 5], 0, 1), ([4, 3, 3, 3], 0, 0.5), ([4], 0, 0.5)]), 0, Float32Tolerance);

    [Fact]
    public void StridedConv2DWhoseStrideLeavesRowsUnseenMatchesCentralDifferences() =>
        // 8 + 1 + 1 - 3 = 7 is odd: with stride 2 the last padded row is never read, so output_padding and the kernel cut are exercised
        Assert.InRange(Error((g, x) => g.Tanh(g.Conv(x[0], x[1], x[2], [1, 0, 1, 1], strides: [2, 2])), [([2, 3, 8, 7], 0, 1), ([4, 3, 3, 2], 0, 0.5), ([4], 0, 0.5)]), 0, Float32Tolerance);

    [Fact]
    public void DilatedConv1DMatchesCentralDifferences() =>
        Assert.InRange(Error((g, x) => g.Tanh(g.Conv(x[0], x[1], null, [2, 2], dilations: [2])), [([2, 3, 9], 0, 1), ([4, 3, 3], 0, 0.5)]), 0, Float32Tolerance);

    [Fact]
    public void MaxPool2x2OnAnOddSizeMatchesCentralDifferences() =>
        Assert.InRange(Error((g, x) => g.MaxPool(Spread(g, x[0]), [2, 2]), [([2, 3, 5, 7], 0, 0.1)]), 0, Float32Tolerance);

    [Fact]
    public void OverlappingPaddedMaxPoolMatchesCentralDifferences() =>
        Assert.InRange(Error((g, x) => g.MaxPool(Spread(g, x[0]), [3, 3], strides: [2, 2], pads: [1, 1, 1, 1]), [([2, 2, 6, 5], 0, 0.1)]), 0, Float32Tolerance);

    [Fact]
    public void FlattenMatchesCentralDifferences() =>
        Assert.InRange(Error((g, x) => g.Tanh(g.Flatten(x[0])), [([2, 3, 4, 2], 0, 1)]), 0, Float32Tolerance);

    [Fact]
    public void ConvPoolFlattenDenseStackMatchesCentralDifferences() =>
        Assert.InRange(
            // tanh keeps the activations in (-1, 1), so levels 3 apart fix each window's maximum
            Error((g, x) => g.MatMul(g.Flatten(g.MaxPool(Spread(g, g.Tanh(g.Conv(x[0], x[1], x[2], [0, 0, 0, 0])), 3), [2, 2])), x[3]),
                [([2, 2, 6, 6], 0, 1), ([3, 2, 3, 3], 0, 0.5), ([3], 0.2, 0.1), ([12, 1], 0, 0.5)]),
            0,
            Float32Tolerance);

    [Fact]
    public void Conv2DAndMaxPoolAgreeWithADirectComputation()
    {
        var rng = new Random(5);
        var x = GradientCheck.Random(rng, 1 * 2 * 5 * 6);
        var w = GradientCheck.Random(rng, 3 * 2 * 3 * 3);
        var g = new Graph();
        var xi = g.Input("x", ElementType.Float, 1, 2, 5, 6);
        var wi = g.Input("w", ElementType.Float, 3, 2, 3, 3);
        var conv = g.Conv(xi, wi, null, [1, 1, 1, 1], strides: [2, 1]);
        var pooled = g.Identity(g.MaxPool(conv, [2, 2])).Named("pooled");
        var convOut = g.Identity(conv).Named("conv");
        using var session = OrtHarness.Session(g, [convOut, pooled]);
        var result = OrtHarness.Run(session, ElementType.Float, new Dictionary<string, (double[], long[])> { ["x"] = (x, [1, 2, 5, 6]), ["w"] = (w, [3, 2, 3, 3]) }, ["conv", "pooled"]);

        Assert.Equal([1, 3, 3, 6], conv.KnownShape);
        Assert.Equal([1, 3, 1, 3], pooled.KnownShape);
        for (int o = 0; o < 3; o++)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 6; j++)
                {
                    double sum = 0;
                    for (int c = 0; c < 2; c++)
                    {
                        for (int a = 0; a < 3; a++)
                        {
                            for (int b = 0; b < 3; b++)
                            {
                                int r = (2 * i) + a - 1, col = j + b - 1;
                                sum += r is >= 0 and < 5 && col is >= 0 and < 6 ? x[(((c * 5) + r) * 6) + col] * w[(((((o * 2) + c) * 3) + a) * 3) + b] : 0;
                            }
                        }
                    }

                    Assert.Equal(sum, result[0][(((o * 3) + i) * 6) + j], 1e-5);
                }
            }

            for (int j = 0; j < 3; j++)
            {
                var window = new[] { (0, 2 * j), (0, (2 * j) + 1), (1, 2 * j), (1, (2 * j) + 1) }.Max(p => result[0][(((o * 3) + p.Item1) * 6) + p.Item2]);
                Assert.Equal(window, result[1][(o * 3) + j]);
            }
        }
    }

    // Adds distinct levels (0.5 apart for inputs of scale 0.1), so no finite-difference step moves a window's maximum.
    private static Tensor Spread(Graph g, Tensor x, double gap = 0.5)
    {
        var size = x.KnownShape.Aggregate(1L, (p, d) => p * d);
        var levels = Enumerable.Range(0, (int)size).Select(i => gap * i).OrderBy(v => new Random((int)(v / gap)).Next()).ToArray();
        return g.Add(x, g.Values(x.Type, x.KnownShape, levels));
    }

    private static double Error(Func<Graph, Tensor[], Tensor> build, (long[] Shape, double Offset, double Scale)[] inputs) =>
        GradientCheck.OperatorError(build, inputs, ElementType.Float, 1e-2, null);
}
