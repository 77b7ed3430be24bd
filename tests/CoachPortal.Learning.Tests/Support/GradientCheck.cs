using CoachPortal.Learning.Autodiff;
using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Tests.Support;

/// <summary>
/// Compares the graph's reverse-mode gradients with central finite differences of the loss, both evaluated by ORT.
/// The error is measured against the gradient scale of the whole tensor: per-entry relative error is meaningless for
/// entries near zero, especially in float32.
/// </summary>
internal static class GradientCheck
{
    /// <returns>the largest error over all checked entries, relative to max |gradient| of the tensor</returns>
    public static double MaxError(Graph graph, Tensor loss, IReadOnlyList<Tensor> wrt, IReadOnlyDictionary<string, (double[] Data, long[] Shape)> values, double epsilon, int entriesPerTensor = 12, int seed = 7)
    {
        var grads = Differentiator.Gradients(graph, loss, wrt);
        var gradTensors = wrt.Select(w => graph.Identity(grads[w])).ToArray();
        using var full = OrtHarness.Session(graph, [loss, .. gradTensors]);
        using var lossOnly = OrtHarness.Session(graph, [loss]);
        var analytic = OrtHarness.Run(full, loss.Type, values, [loss.Name, .. gradTensors.Select(t => t.Name)]);
        var rng = new Random(seed);
        double worst = 0;
        for (int k = 0; k < wrt.Count; k++)
        {
            var (data, shape) = values[wrt[k].Name];
            var gradient = analytic[k + 1];
            Assert.Equal(data.Length, gradient.Length);
            double scale = Math.Max(1e-3, gradient.Max(Math.Abs));
            var entries = Enumerable.Range(0, data.Length).OrderBy(_ => rng.Next()).Take(entriesPerTensor);
            foreach (var i in entries)
            {
                var perturbed = values.ToDictionary(p => p.Key, p => p.Value);
                var plus = (double[])data.Clone();
                var minus = (double[])data.Clone();
                plus[i] += epsilon;
                minus[i] -= epsilon;
                perturbed[wrt[k].Name] = (plus, shape);
                double lp = OrtHarness.Run(lossOnly, loss.Type, perturbed, [loss.Name])[0][0];
                perturbed[wrt[k].Name] = (minus, shape);
                double lm = OrtHarness.Run(lossOnly, loss.Type, perturbed, [loss.Name])[0][0];
                double numeric = (lp - lm) / (2 * epsilon);
                worst = Math.Max(worst, Math.Abs(numeric - gradient[i]) / scale);
            }
        }

        return worst;
    }

    /// <summary>
    /// The error of one operator's rule: differentiates sum(op(inputs) * R) for random inputs and a random constant R.
    /// </summary>
    public static double OperatorError(Func<Graph, Tensor[], Tensor> build, (long[] Shape, double Offset, double Scale)[] specs, ElementType type, double epsilon, Dim[][]? declared = null)
    {
        var rng = new Random(11);
        var g = new Graph();
        var inputs = specs.Select((spec, i) => g.Input($"in{i}", type, declared is { } d && i < d.Length ? d[i] : spec.Shape.Select(Dim.Of).ToArray())).ToArray();
        var values = specs.Select((spec, i) => ($"in{i}", (Random(rng, spec.Shape.Aggregate(1L, (p, s) => p * s), spec.Scale, spec.Offset), spec.Shape)))
            .ToDictionary(p => p.Item1, p => p.Item2);
        var y = build(g, inputs);
        var weights = g.Input("r", type, y.Shape);
        var loss = g.ReduceSum(g.Mul(y, weights));
        var yShape = y.Shape.Select((d, i) => d.IsKnown ? d.Value : specs[0].Shape[i]).ToArray();
        values["r"] = (Random(rng, yShape.Aggregate(1L, (p, s) => p * s)), yShape);
        return MaxError(g, loss, inputs, values, epsilon);
    }

    public static double[] Random(Random rng, long count, double scale = 1.0, double offset = 0.0) =>
        Enumerable.Range(0, (int)count).Select(_ => offset + scale * (rng.NextDouble() * 2 - 1)).ToArray();
}
