namespace CoachPortal.Learning.Graphs;

/// <summary>Convolution and pooling over [N, C, spatial...] (NCHW for images, NCL for sequences).</summary>
internal sealed partial class Graph
{
    /// <summary>
    /// Convolution, group 1, over x [N, C, d1...] with w [O, C, k1...] and b [O]. pads = [begin..., end...]; strides
    /// and dilations default to 1 and are written only when set, so stride-1 models stay byte-identical.
    /// </summary>
    public Tensor Conv(Tensor x, Tensor w, Tensor? b, long[] pads, long[]? strides = null, long[]? dilations = null)
    {
        int spatial = x.Rank - 2;
        var s = strides ?? Ones(spatial);
        var d = dilations ?? Ones(spatial);
        var shape = new Dim[x.Rank];
        shape[0] = x.Shape[0];
        shape[1] = w.Shape[0];
        for (int i = 0; i < spatial; i++)
        {
            shape[2 + i] = x.Shape[2 + i].IsKnown && w.Shape[2 + i].IsKnown
                ? Dim.Of(((x.Shape[2 + i].Value + pads[i] + pads[spatial + i] - (d[i] * (w.Shape[2 + i].Value - 1)) - 1) / s[i]) + 1)
                : Dim.Sym(FreshName("conv"));
        }

        Tensor[] inputs = b is null ? [x, w] : [x, w, b];
        return Emit1("Conv", inputs, x.Type, shape, n =>
        {
            n.Attributes["pads"] = pads;
            SetIfNotOnes(n, "strides", strides);
            SetIfNotOnes(n, "dilations", dilations);
        });
    }

    /// <summary>Transposed convolution (the input gradient of <see cref="Conv"/> with the same pads, strides and dilations).</summary>
    public Tensor ConvTranspose(Tensor x, Tensor w, long[] pads, Dim[] outShape, long[]? strides = null, long[]? dilations = null, long[]? outputPadding = null) =>
        Emit1("ConvTranspose", [x, w], x.Type, outShape, n =>
        {
            n.Attributes["pads"] = pads;
            SetIfNotOnes(n, "strides", strides);
            SetIfNotOnes(n, "dilations", dilations);
            if (outputPadding is not null && outputPadding.Any(p => p != 0))
            {
                n.Attributes["output_padding"] = outputPadding;
            }
        });

    /// <summary>
    /// Max pooling (floor mode) over x [N, C, d1...]. The node also outputs ONNX's flat argmax indices, which its
    /// gradient rule scatters the output gradient back to; the forward pass only reads the first output.
    /// </summary>
    public Tensor MaxPool(Tensor x, long[] kernel, long[]? strides = null, long[]? pads = null)
    {
        int spatial = x.Rank - 2;
        var s = strides ?? kernel;
        var p = pads ?? new long[2 * spatial];
        var shape = new Dim[x.Rank];
        shape[0] = x.Shape[0];
        shape[1] = x.Shape[1];
        for (int i = 0; i < spatial; i++)
        {
            shape[2 + i] = x.Shape[2 + i].IsKnown
                ? Dim.Of(((x.Shape[2 + i].Value + p[i] + p[spatial + i] - kernel[i]) / s[i]) + 1)
                : Dim.Sym(FreshName("pool"));
        }

        return Emit("MaxPool", [x], [(x.Type, shape), (ElementType.Int64, shape)], n =>
        {
            n.Attributes["kernel_shape"] = kernel;
            n.Attributes["strides"] = s;
            n.Attributes["pads"] = p;
        })[0];
    }

    /// <summary>[N, d1, d2...] to [N, d1 * d2 * ...] (Keras' Flatten), as a Reshape so the existing rule differentiates it.</summary>
    public Tensor Flatten(Tensor x)
    {
        var rest = x.Shape.Skip(1).ToArray();
        Dim width = rest.All(d => d.IsKnown) ? Dim.Of(rest.Aggregate(1L, (p, d) => p * d.Value)) : Dim.Sym(FreshName("flat"));
        return Reshape(x, [0, -1], [x.Shape[0], width]);
    }

    private static long[] Ones(int count) => Enumerable.Repeat(1L, count).ToArray();

    private static void SetIfNotOnes(Node n, string name, long[]? values)
    {
        if (values is not null && values.Any(v => v != 1))
        {
            n.Attributes[name] = values;
        }
    }
}
