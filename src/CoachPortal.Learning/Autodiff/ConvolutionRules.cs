using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Autodiff;

/// <summary>Backward rules of <see cref="Graph.Conv"/> and <see cref="Graph.MaxPool"/>, as ONNX operators.</summary>
internal static class ConvolutionRules
{
    // Conv, group 1, strides s, dilations d, pads p:
    //   dX = ConvTranspose(dY, W) with the same s, d and p; output_padding restores the rows a stride dropped
    //   dW[o, c, k] = sum_n,i dY[n, o, i] Xpad[n, c, k d + i s]: a Conv of X^T by dY^T (batch and channel axes
    //        swapped) with stride d and dilation s, swapped back and cut to the kernel size
    //   dB = sum of dY over all axes but the channel axis
    public static Tensor?[] Conv(Graph g, Node n, Tensor dy, Func<Tensor, bool> needs)
    {
        var x = n.Inputs[0];
        var w = n.Inputs[1];
        var pads = n.Ints("pads");
        int rank = x.Rank;
        int spatial = rank - 2;
        var strides = n.Attributes.TryGetValue("strides", out var st) ? (long[])st : Enumerable.Repeat(1L, spatial).ToArray();
        var dilations = n.Attributes.TryGetValue("dilations", out var di) ? (long[])di : Enumerable.Repeat(1L, spatial).ToArray();
        bool strided = strides.Any(v => v != 1);
        var swap = Enumerable.Range(0, rank).Select(i => (long)(i == 0 ? 1 : i == 1 ? 0 : i)).ToArray();

        Tensor? dx = null;
        if (needs(x))
        {
            long[]? outputPadding = null;
            if (strided)
            {
                outputPadding = new long[spatial];
                for (int i = 0; i < spatial; i++)
                {
                    long xi = Known(x, 2 + i), yi = Known(dy, 2 + i), ki = Known(w, 2 + i);
                    outputPadding[i] = xi - (((yi - 1) * strides[i]) + (dilations[i] * (ki - 1)) + 1 - pads[i] - pads[spatial + i]);
                }
            }

            dx = g.ConvTranspose(dy, w, pads, x.Shape, strides, dilations, outputPadding);
        }

        Tensor? dw = null;
        if (needs(w))
        {
            var correlated = g.Transpose(g.Conv(g.Transpose(x, swap), g.Transpose(dy, swap), null, pads, strides: dilations, dilations: strides), swap);
            if (strided && correlated.Shape.Skip(2).Zip(w.Shape.Skip(2)).Any(p => !p.First.IsKnown || p.First.Value != p.Second.Value))
            {
                // a stride that does not divide the padded input leaves trailing rows no output saw
                var axes = Enumerable.Range(2, spatial).Select(a => (long)a).ToArray();
                correlated = g.Slice(correlated, new long[spatial], axes.Select(a => Known(w, (int)a)).ToArray(), axes);
            }

            dw = correlated;
        }

        if (n.Inputs.Length < 3)
        {
            return [dx, dw];
        }

        var db = needs(n.Inputs[2])
            ? g.ReduceSum(dy, Enumerable.Range(0, rank).Where(i => i != 1).Select(i => (long)i).ToArray(), keepDims: false)
            : null;
        return [dx, dw, db];
    }

    // Each output's gradient goes to the input its window took the maximum from: ONNX's indices are offsets into the
    // flattened input (batch and channel included), so one ScatterND-add over the flat input routes them all; windows
    // that overlap and share a maximum add up.
    public static Tensor MaxPool(Graph g, Node n, Tensor dy)
    {
        var x = n.Inputs[0];
        var indices = n.Outputs[1];
        var rows = Dim.Sym(g.FreshName("pooled"));
        var flat = g.Reshape(g.ZerosLike(x), [-1], [Dim.Sym(g.FreshName("flat"))]);
        var scattered = g.ScatterNdAdd(flat, g.Reshape(indices, [-1, 1], [rows, 1]), g.Reshape(dy, [-1], [rows]));
        return g.Reshape(scattered, g.ShapeOf(x), x.Shape);
    }

    private static long Known(Tensor t, int axis) => t.Shape[axis].IsKnown
        ? t.Shape[axis].Value
        : throw new NotSupportedException($"a strided Conv gradient needs known spatial sizes ({t})");
}
