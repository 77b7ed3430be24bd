using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Autodiff;

/// <summary>Per-operator backward rules; each returns one gradient per input (null where none is needed).</summary>
internal static class GradientRules
{
    public static Tensor?[] Backward(Graph g, Node n, Tensor?[] dOut, Func<Tensor, bool> needs)
    {
        var x = n.Inputs;
        var y = n.Outputs[0];
        var dy = dOut[0];
        Tensor? Need(int i, Func<Tensor> f) => needs(x[i]) ? f() : null;

        switch (n.Op)
        {
            case "Add":
                return [Need(0, () => SumTo(g, dy!, x[0])), Need(1, () => SumTo(g, dy!, x[1]))];
            case "Sub":
                return [Need(0, () => SumTo(g, dy!, x[0])), Need(1, () => SumTo(g, g.Neg(dy!), x[1]))];
            case "Mul":
                return [Need(0, () => SumTo(g, g.Mul(dy!, x[1]), x[0])), Need(1, () => SumTo(g, g.Mul(dy!, x[0]), x[1]))];
            case "Div":
                // y = a / b: da = dy / b, db = -dy * y / b
                return [Need(0, () => SumTo(g, g.Div(dy!, x[1]), x[0])), Need(1, () => SumTo(g, g.Neg(g.Div(g.Mul(dy!, y), x[1])), x[1]))];
            case "Pow":
                // y = a^b: da = dy * b * a^(b-1), db = dy * y * ln a
                return [
                    Need(0, () => SumTo(g, g.Mul(dy!, g.Mul(x[1], g.Pow(x[0], g.Sub(x[1], g.Scalar(1, x[1].Type))))), x[0])),
                    Need(1, () => SumTo(g, g.Mul(dy!, g.Mul(y, g.Log(x[0]))), x[1])),
                ];
            case "Neg":
                return [g.Neg(dy!)];
            case "Identity":
                return [dy];
            case "Exp":
                return [g.Mul(dy!, y)];
            case "Log":
                return [g.Div(dy!, x[0])];
            case "Sqrt":
                return [g.Div(g.Mul(dy!, g.Scalar(0.5, y.Type)), y)];
            case "Abs":
                return [g.Mul(dy!, g.Sign(x[0]))];
            case "Sign":
                return [null];
            case "Relu":
                // sign(relu(x)) is the step function 1[x > 0]
                return [g.Mul(dy!, g.Sign(y))];
            case "LeakyRelu":
                {
                    var alpha = n.Float("alpha", 0.01);
                    var slope = g.Add(g.Scalar(alpha, y.Type), g.Mul(g.Scalar(1 - alpha, y.Type), g.Sign(g.Relu(x[0]))));
                    return [g.Mul(dy!, slope)];
                }
            case "Softplus":
                return [g.Mul(dy!, g.Sigmoid(x[0]))];
            case "Sigmoid":
                return [g.Mul(dy!, g.Mul(y, g.Sub(g.Scalar(1, y.Type), y)))];
            case "Tanh":
                return [g.Mul(dy!, g.Sub(g.Scalar(1, y.Type), g.Mul(y, y)))];
            case "Softmax":
                {
                    // softmax-13 normalises along one axis: dx = y * (dy - sum(dy * y, axis))
                    long axis = n.Int("axis", -1);
                    return [g.Mul(y, g.Sub(dy!, g.ReduceSum(g.Mul(dy!, y), [axis], keepDims: true)))];
                }
            case "LogSoftmax":
                {
                    long axis = n.Int("axis", -1);
                    return [g.Sub(dy!, g.Mul(g.Exp(y), g.ReduceSum(dy!, [axis], keepDims: true)))];
                }
            case "LayerNormalization":
                return LayerNormGrad(g, n, dy!, needs);
            case "MatMul":
                return [Need(0, () => SumTo(g, g.MatMul(dy!, g.SwapLast(x[1])), x[0])), Need(1, () => MatMulGradB(g, dy!, x[0], x[1]))];
            case "Transpose":
                {
                    var perm = n.Ints("perm");
                    var inverse = new long[perm.Length];
                    for (int i = 0; i < perm.Length; i++)
                    {
                        inverse[perm[i]] = i;
                    }

                    return [g.Transpose(dy!, inverse)];
                }
            case "ReduceSum":
            case "ReduceMean":
                return [ReduceGrad(g, n, dy!), null];
            case "Split":
                {
                    long axis = n.Int("axis", 0);
                    var parts = n.Outputs.Select((o, i) => dOut[i] ?? g.ZerosLike(o)).ToArray();
                    return [g.Concat(axis, parts), null];
                }
            case "Concat":
                {
                    long axis = n.Int("axis", 0);
                    var sizes = x.Select(t => t.Shape[axis].IsKnown ? t.Shape[axis].Value : throw new NotSupportedException("Concat gradient needs known sizes")).ToArray();
                    var parts = g.Split(dy!, axis, sizes);
                    return x.Select((t, i) => needs(t) ? parts[i] : null).ToArray();
                }
            case "Squeeze":
                return [g.Unsqueeze(dy!, n.Ints("_axes")), null];
            case "Unsqueeze":
                return [g.Squeeze(dy!, n.Ints("_axes")), null];
            case "Reshape":
                return [g.Reshape(dy!, g.ShapeOf(x[0]), x[0].Shape), null];
            case "Expand":
                return [SumTo(g, dy!, x[0]), null];
            case "Slice":
                return [SliceGrad(g, n, dy!), null, null, null];
            case "Gather":
                // scatter-add the rows back; repeated indices accumulate
                return [Need(0, () => g.ScatterNdAdd(g.ZerosLike(x[0]), g.Unsqueeze(x[1], -1), dy!)), null];
            case "Conv":
                return ConvolutionRules.Conv(g, n, dy!, needs);
            case "MaxPool":
                return [ConvolutionRules.MaxPool(g, n, dy!)];
            default:
                throw new NotSupportedException($"no gradient rule for {n.Op}");
        }
    }

    /// <summary>Undoes broadcasting: sums dy over the axes along which target was broadcast.</summary>
    public static Tensor SumTo(Graph g, Tensor dy, Tensor target)
    {
        int lead = dy.Rank - target.Rank;
        var t = dy;
        if (lead > 0)
        {
            t = g.ReduceSum(t, Enumerable.Range(0, lead).Select(i => (long)i).ToArray(), keepDims: false);
        }

        var axes = new List<long>();
        for (int i = 0; i < target.Rank; i++)
        {
            if (target.Shape[i].IsOne && !t.Shape[i].IsOne)
            {
                axes.Add(i);
            }
        }

        return axes.Count > 0 ? g.ReduceSum(t, [.. axes], keepDims: true) : t;
    }

    private static Tensor MatMulGradB(Graph g, Tensor dy, Tensor a, Tensor b)
    {
        if (b.Rank == 2 && a.Rank > 2 && a.Shape[^1].IsKnown && b.Shape[1].IsKnown)
        {
            // a linear layer over a batch of sequences: fold the batch axes into the rows, one [K, M*] x [M*, N] product
            var rows = Dim.Sym(g.FreshName("rows"));
            var a2 = g.Reshape(a, [-1, a.Shape[^1].Value], [rows, a.Shape[^1]]);
            var d2 = g.Reshape(dy, [-1, b.Shape[1].Value], [rows, b.Shape[1]]);
            return g.MatMul(g.SwapLast(a2), d2);
        }

        return SumTo(g, g.MatMul(g.SwapLast(a), dy), b);
    }

    private static Tensor ReduceGrad(Graph g, Node n, Tensor dy)
    {
        var x = n.Inputs[0];
        var axes = n.Ints("_axes");
        var d = n.Int("keepdims", 1) == 1 ? dy : g.Unsqueeze(dy, axes);
        var full = g.ExpandLike(d, x);
        if (n.Op == "ReduceSum")
        {
            return full;
        }

        var reduced = axes.Select(a => x.Shape[a]).ToArray();
        var scale = reduced.All(r => r.IsKnown)
            ? g.Scalar(1.0 / reduced.Aggregate(1L, (p, r) => p * r.Value), dy.Type)
            : g.Div(g.Cast(g.SizeOf(n.Outputs[0]), dy.Type), g.Cast(g.SizeOf(x), dy.Type));
        return g.Mul(full, scale);
    }

    private static Tensor SliceGrad(Graph g, Node n, Tensor dy)
    {
        var x = n.Inputs[0];
        var starts = n.Ints("_starts");
        var axes = n.Ints("_axes");
        var pads = new long[2 * x.Rank];
        for (int i = 0; i < axes.Length; i++)
        {
            var a = (int)axes[i];
            if (!x.Shape[a].IsKnown || !dy.Shape[a].IsKnown)
            {
                throw new NotSupportedException("Slice gradient needs known sizes on the sliced axes");
            }

            pads[a] = starts[i];
            pads[x.Rank + a] = x.Shape[a].Value - starts[i] - dy.Shape[a].Value;
        }

        return g.Pad(dy, pads);
    }

    // Layer norm over the last axis with x̂ = (x - mean) * invstd and g = dy * scale:
    //   dx = invstd * (g - mean(g) - x̂ * mean(g * x̂)),  dscale = sum(dy * x̂),  dbias = sum(dy)
    private static Tensor?[] LayerNormGrad(Graph g, Node n, Tensor dy, Func<Tensor, bool> needs)
    {
        var (x, scale, bias) = (n.Inputs[0], n.Inputs[1], n.Inputs[2]);
        // the statistics are recomputed in x's type: the node's optional Mean/InvStdDev outputs are float-only in ORT
        var centered = g.Sub(x, g.ReduceMean(x, [-1], keepDims: true));
        var variance = g.ReduceMean(g.Mul(centered, centered), [-1], keepDims: true);
        var invStd = g.Div(g.Scalar(1, x.Type), g.Sqrt(g.Add(variance, g.Scalar(n.Float("epsilon", 1e-5), x.Type))));
        var xHat = g.Mul(centered, invStd);
        Tensor? dx = null;
        if (needs(x))
        {
            var gy = g.Mul(dy, scale);
            var meanG = g.ReduceMean(gy, [-1], keepDims: true);
            var meanGx = g.ReduceMean(g.Mul(gy, xHat), [-1], keepDims: true);
            dx = g.Mul(invStd, g.Sub(g.Sub(gy, meanG), g.Mul(xHat, meanGx)));
        }

        var dScale = needs(scale) ? SumTo(g, g.Mul(dy, xHat), scale) : null;
        var dBias = needs(bias) ? SumTo(g, dy, bias) : null;
        return [dx, dScale, dBias];
    }
}
