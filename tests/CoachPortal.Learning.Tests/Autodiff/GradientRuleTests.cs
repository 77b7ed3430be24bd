using CoachPortal.Learning.Graphs;
using CoachPortal.Learning.Tests.Support;

namespace CoachPortal.Learning.Tests.Autodiff;

public sealed class GradientRuleTests
{
    private const double Float64Tolerance = 1e-6;
    private const double Float32Tolerance = 2e-2;

    /// <summary>Builds op(inputs) for one rule; the check differentiates sum(op(...) * R) for a random constant R.</summary>
    private sealed record Case(Func<Graph, Tensor[], Tensor> Build, (long[] Shape, double Offset, double Scale)[] Inputs, Dim[][]? Declared = null);

    private static readonly Dictionary<string, Case> s_cases = new()
    {
        ["Add broadcasting a bias"] = new((g, x) => g.Add(x[0], x[1]), [([3, 4], 0, 1), ([4], 0, 1)]),
        ["Sub broadcasting a column"] = new((g, x) => g.Sub(x[0], x[1]), [([2, 3, 4], 0, 1), ([3, 1], 0, 1)]),
        ["Mul broadcasting a row"] = new((g, x) => g.Mul(x[0], x[1]), [([3, 4], 0, 1), ([1, 4], 0, 1)]),
        ["Div"] = new((g, x) => g.Div(x[0], x[1]), [([3, 4], 0, 1), ([3, 4], 2, 0.5)]),
        ["Pow"] = new((g, x) => g.Pow(x[0], x[1]), [([3, 4], 1.5, 0.5), ([4], 1, 1)]),
        ["Neg"] = new((g, x) => g.Neg(x[0]), [([3, 4], 0, 1)]),
        ["Exp"] = new((g, x) => g.Exp(x[0]), [([3, 4], 0, 1)]),
        ["Log"] = new((g, x) => g.Log(x[0]), [([3, 4], 2, 1)]),
        ["Sqrt"] = new((g, x) => g.Sqrt(x[0]), [([3, 4], 2, 1)]),
        ["Abs"] = new((g, x) => g.Abs(x[0]), [([3, 4], 0, 1)]),
        ["Sigmoid"] = new((g, x) => g.Sigmoid(x[0]), [([3, 4], 0, 2)]),
        ["Tanh"] = new((g, x) => g.Tanh(x[0]), [([3, 4], 0, 2)]),
        ["Relu"] = new((g, x) => g.Relu(x[0]), [([3, 4], 0, 1)]),
        ["LeakyRelu"] = new((g, x) => g.LeakyRelu(x[0], 0.1), [([3, 4], 0, 1)]),
        ["Softmax over the last axis"] = new((g, x) => g.Softmax(x[0], -1), [([2, 3, 4], 0, 2)]),
        ["Softmax over a middle axis"] = new((g, x) => g.Softmax(x[0], 1), [([2, 3, 4], 0, 2)]),
        ["LogSoftmax"] = new((g, x) => g.LogSoftmax(x[0], -1), [([3, 5], 0, 2)]),
        ["Softplus"] = new((g, x) => g.Softplus(x[0]), [([3, 4], 0, 3)]),
        ["LayerNormalization"] = new((g, x) => g.LayerNorm(x[0], x[1], x[2]), [([2, 3, 5], 0, 2), ([5], 1, 0.5), ([5], 0, 1)]),
        ["MatMul 2-D"] = new((g, x) => g.MatMul(x[0], x[1]), [([3, 4], 0, 1), ([4, 2], 0, 1)]),
        ["MatMul sequence batch by a weight matrix"] = new((g, x) => g.MatMul(x[0], x[1]), [([2, 3, 4], 0, 1), ([4, 5], 0, 1)]),
        ["MatMul batched"] = new((g, x) => g.MatMul(x[0], x[1]), [([2, 3, 4], 0, 1), ([2, 4, 5], 0, 1)]),
        ["MatMul broadcasting batch axes"] = new((g, x) => g.MatMul(x[0], x[1]), [([2, 1, 3, 4], 0, 1), ([3, 4, 2], 0, 1)]),
        ["ReduceSum one axis"] = new((g, x) => g.ReduceSum(x[0], [1]), [([2, 3, 4], 0, 1)]),
        ["ReduceMean keeping dims"] = new((g, x) => g.ReduceMean(x[0], [0, 2], keepDims: true), [([2, 3, 4], 0, 1)]),
        ["ReduceMean over a symbolic batch"] = new((g, x) => g.ReduceMean(x[0], [0]), [([3, 4], 0, 1)], [["N", 4]]),
        ["Reshape"] = new((g, x) => g.Reshape(x[0], [3, 8], [3, 8]), [([2, 3, 4], 0, 1)]),
        ["Transpose"] = new((g, x) => g.Transpose(x[0], 2, 0, 1), [([2, 3, 4], 0, 1)]),
        ["Concat"] = new((g, x) => g.Concat(1, x[0], x[1]), [([2, 3], 0, 1), ([2, 2], 0, 1)]),
        ["Split with one part unused"] = new((g, x) => g.Mul(g.Split(x[0], 1, 1, 2, 1)[1], g.Split(x[0], 1, 1, 2, 1)[0]), [([3, 4], 0, 1)]),
        ["Slice"] = new((g, x) => g.Slice(x[0], [1, 0], [3, 2], [1, 2]), [([2, 4, 3], 0, 1)]),
        ["Gather with repeated indices"] = new((g, x) => g.Gather(x[0], g.Constant(ElementType.Int64, [4], new long[] { 2, 0, 2, 1 })), [([3, 5], 0, 1)]),
        ["Squeeze and Unsqueeze"] = new((g, x) => g.Unsqueeze(g.Squeeze(x[0], 1), 0), [([3, 1, 4], 0, 1)]),
        ["Expand"] = new((g, x) => g.Expand(x[0], g.Ints(2, 3, 4), [2, 3, 4]), [([3, 1], 0, 1)]),
        ["Dropout as a mask input"] = new((g, x) => g.Mul(g.Mul(x[0], g.Values(x[0].Type, [3, 4], [1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0])), g.Scalar(1 / 0.75, x[0].Type)), [([3, 4], 0, 1)]),
        ["Shape and Size stop the gradient"] = new((g, x) => g.Mul(x[0], g.Cast(g.SizeOf(x[0]), x[0].Type)), [([3, 4], 0, 1)]),
    };

    public static TheoryData<string> Rules() => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Rules))]
    public void RuleMatchesCentralDifferencesInFloat64(string rule) =>
        Assert.InRange(Check(s_cases[rule], ElementType.Double, 1e-6), 0, Float64Tolerance);

    [Theory]
    [MemberData(nameof(Rules))]
    public void RuleMatchesCentralDifferencesInFloat32(string rule) =>
        Assert.InRange(Check(s_cases[rule], ElementType.Float, 1e-2), 0, Float32Tolerance);

    [Fact]
    public void ConvAndItsTransposedInputGradientMatchCentralDifferencesInFloat32()
    {
        // ORT's CPU Conv kernel is float-only
        var c = new Case((g, x) => g.Tanh(g.Conv(x[0], x[1], x[2], [1, 2])), [([2, 3, 9], 0, 1), ([4, 3, 4], 0, 0.5), ([4], 0, 0.5)]);
        Assert.InRange(Check(c, ElementType.Float, 1e-2), 0, Float32Tolerance);
    }

    [Fact]
    public void ScanRecurrenceMatchesCentralDifferencesInFloat64()
    {
        // h' = tanh(x_t W + h U + b) over T=5, gradients for x, h0 and the outer weights
        var c = new Case((g, x) =>
        {
            var hT = Recurrence.Scan(g, (body, s, xt, w) => [body.Tanh(body.Add(body.Add(body.MatMul(xt[0], w[0]), body.MatMul(s[0], w[1])), w[2]))], [x[1]], [x[0]], [x[2], x[3], x[4]])[0];
            return hT;
        }, [([2, 5, 3], 0, 1), ([2, 4], 0, 0.5), ([3, 4], 0, 0.7), ([4, 4], 0, 0.7), ([4], 0, 0.3)]);
        Assert.InRange(Check(c, ElementType.Double, 1e-6), 0, Float64Tolerance);
    }

    [Fact]
    public void ScanRecurrenceEqualsTheUnrolledOracle()
    {
        var rng = new Random(3);
        var values = new Dictionary<string, (double[], long[])>
        {
            ["x"] = (GradientCheck.Random(rng, 2 * 6 * 3), [2, 6, 3]),
            ["w"] = (GradientCheck.Random(rng, 3 * 4), [3, 4]),
            ["u"] = (GradientCheck.Random(rng, 4 * 4), [4, 4]),
        };
        double[] RunVariant(bool scan)
        {
            var g = new Graph();
            var x = g.Input("x", ElementType.Double, 2, 6, 3);
            var w = g.Input("w", ElementType.Double, 3, 4);
            var u = g.Input("u", ElementType.Double, 4, 4);
            var h0 = g.ZerosLike(g.Input("h0shape", ElementType.Double, 2, 4));
            Tensor Cell(Graph b, Tensor h, Tensor xt, Tensor wo, Tensor uo) => b.Tanh(b.Add(b.MatMul(xt, wo), b.MatMul(h, uo)));
            Tensor hT;
            if (scan)
            {
                hT = Recurrence.Scan(g, (b, s, xt, o) => [Cell(b, s[0], xt[0], o[0], o[1])], [h0], [x], [w, u])[0];
            }
            else
            {
                var steps = g.Split(x, 1, 1, 1, 1, 1, 1, 1);
                hT = h0;
                foreach (var step in steps)
                {
                    hT = Cell(g, hT, g.Squeeze(step, 1), w, u);
                }
            }

            var loss = g.ReduceSum(g.Mul(hT, hT));
            var grads = CoachPortal.Learning.Autodiff.Differentiator.Gradients(g, loss, [x, w, u]);
            var outs = new[] { loss, grads[x], grads[w], grads[u] }.Select(g.Identity).ToArray();
            using var s = OrtHarness.Session(g, outs);
            return OrtHarness.Run(s, ElementType.Double, values, outs.Select(o => o.Name).ToArray()).SelectMany(a => a).ToArray();
        }

        var scanned = RunVariant(scan: true);
        var unrolled = RunVariant(scan: false);
        Assert.Equal(unrolled.Length, scanned.Length);
        Assert.All(scanned.Zip(unrolled), p => Assert.Equal(p.Second, p.First, 1e-12));
    }

    private static double Check(Case c, ElementType type, double epsilon) =>
        GradientCheck.OperatorError(c.Build, c.Inputs, type, epsilon, c.Declared);
}
