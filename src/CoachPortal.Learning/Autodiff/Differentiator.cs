using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Autodiff;

/// <summary>
/// Reverse-mode automatic differentiation over a recorded <see cref="Graph"/>. The backward pass is emitted into the
/// same graph as ordinary ONNX operators, so ONNX Runtime runs it like any other part of the graph.
/// </summary>
internal static class Differentiator
{
    /// <summary>d loss / d t for each t in <paramref name="wrt"/>; the loss must be a scalar.</summary>
    public static Dictionary<Tensor, Tensor> Gradients(Graph graph, Tensor loss, IReadOnlyList<Tensor> wrt)
    {
        if (loss.Rank != 0)
        {
            throw new ArgumentException("the loss must be a scalar", nameof(loss));
        }

        return VectorJacobian(graph, new Dictionary<Tensor, Tensor> { [loss] = graph.Scalar(1.0, loss.Type) }, wrt);
    }

    /// <summary>Given seed gradients for some outputs, the gradient of sum(seed * output) with respect to each tensor in wrt.</summary>
    public static Dictionary<Tensor, Tensor> VectorJacobian(Graph graph, IReadOnlyDictionary<Tensor, Tensor> seeds, IReadOnlyList<Tensor> wrt)
    {
        var dependsOnWrt = new HashSet<Tensor>(wrt);
        foreach (var node in graph.Nodes)
        {
            // shapes and sizes carry no gradient
            if (node.Op is not ("Shape" or "Size" or "ConstantOfShape") && node.AllInputs.Any(dependsOnWrt.Contains))
            {
                foreach (var o in node.Outputs)
                {
                    dependsOnWrt.Add(o);
                }
            }
        }

        var cone = graph.Cone(seeds.Keys);
        var pending = new Dictionary<Tensor, List<Tensor>>();
        foreach (var (t, d) in seeds)
        {
            pending[t] = [d];
        }

        for (int i = cone.Count - 1; i >= 0; i--)
        {
            var node = cone[i];
            var inputs = node.AllInputs.ToArray();
            if (!node.Outputs.Any(pending.ContainsKey) || !inputs.Any(dependsOnWrt.Contains))
            {
                continue;
            }

            var dOut = node.Outputs.Select(o => pending.TryGetValue(o, out var terms) ? Total(graph, terms) : null).ToArray();
            var dIn = node.CustomGradient is { } custom
                ? custom(graph, node, dOut, dependsOnWrt.Contains)
                : GradientRules.Backward(graph, node, dOut, dependsOnWrt.Contains);
            for (int k = 0; k < inputs.Length && k < dIn.Length; k++)
            {
                if (dIn[k] is null || !dependsOnWrt.Contains(inputs[k]))
                {
                    continue;
                }

                if (!pending.TryGetValue(inputs[k], out var list))
                {
                    pending[inputs[k]] = list = [];
                }

                list.Add(dIn[k]!);
            }
        }

        var result = new Dictionary<Tensor, Tensor>();
        foreach (var w in wrt)
        {
            result[w] = pending.TryGetValue(w, out var terms) ? Total(graph, terms) : graph.ZerosLike(w);
        }

        return result;
    }

    // A tensor used many times gets its contributions summed once; the sum replaces the terms.
    private static Tensor Total(Graph graph, List<Tensor> terms)
    {
        var sum = terms[0];
        for (int i = 1; i < terms.Count; i++)
        {
            sum = graph.Add(sum, terms[i]);
        }

        if (terms.Count > 1)
        {
            terms.Clear();
            terms.Add(sum);
        }

        return sum;
    }
}
