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

    public static double[] Random(Random rng, long count, double scale = 1.0, double offset = 0.0) =>
        Enumerable.Range(0, (int)count).Select(_ => offset + scale * (rng.NextDouble() * 2 - 1)).ToArray();
}
