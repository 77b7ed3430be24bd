using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Models;

/// <summary>
/// Transformer encoder (Vaswani et al., 2017) in the pre-norm arrangement: projection to D, sinusoidal positional
/// encoding, then per block e += MHA(LN(e)) and e += FFN(LN(e)); the last position, layer-normed, feeds the head.
/// The explanation is the last block's attention from the last position, averaged over heads: [N, T].
/// </summary>
internal static class AttentionArchitecture
{
    public static ArchitectureOutput Build(Graph g, Tensor x, ParameterSet p, ArchitectureSettings s)
    {
        int d = s.Hidden;
        int heads = s.Heads;
        if (d % heads != 0)
        {
            throw new LearningException($"hidden size {d} is not a multiple of the head count {heads}");
        }

        int dh = d / heads;
        int t = s.Steps;
        var n = x.Shape[0];
        var e = g.Add(g.Add(g.MatMul(x, p.Weight("proj.w", s.Features, s.Features, d)), p.Filled("proj.b", 0f, d)), g.Constant(ElementType.Float, [t, d], PositionalEncoding(t, d)));
        Tensor? attention = null;
        for (int layer = 0; layer < s.Layers; layer++)
        {
            string k = $"block{layer}";
            var a = g.LayerNorm(e, p.Filled($"{k}.ln1.g", 1f, d), p.Filled($"{k}.ln1.b", 0f, d));
            Tensor Heads(Tensor m) => g.Transpose(g.Reshape(m, [0, t, heads, dh], [n, t, heads, dh]), 0, 2, 1, 3);
            var q = Heads(g.MatMul(a, p.Weight($"{k}.wq", d, d, d)));
            var key = Heads(g.MatMul(a, p.Weight($"{k}.wk", d, d, d)));
            var v = Heads(g.MatMul(a, p.Weight($"{k}.wv", d, d, d)));
            var scores = g.Mul(g.MatMul(q, g.SwapLast(key)), g.Scalar(1 / Math.Sqrt(dh), ElementType.Float));
            var weights = g.Softmax(scores, -1);
            attention = weights;
            var mixed = g.Reshape(g.Transpose(g.MatMul(weights, v), 0, 2, 1, 3), [0, t, d], [n, t, d]);
            e = g.Add(e, g.Add(g.MatMul(mixed, p.Weight($"{k}.wo", d, d, d)), p.Filled($"{k}.bo", 0f, d)));
            var f = g.LayerNorm(e, p.Filled($"{k}.ln2.g", 1f, d), p.Filled($"{k}.ln2.b", 0f, d));
            var hidden = g.Relu(g.Add(g.MatMul(f, p.Weight($"{k}.w1", d, d, 2 * d)), p.Filled($"{k}.b1", 0f, 2 * d)));
            e = g.Add(e, g.Add(g.MatMul(hidden, p.Weight($"{k}.w2", 2 * d, 2 * d, d)), p.Filled($"{k}.b2", 0f, d)));
        }

        var last = g.Squeeze(g.Slice(e, [t - 1], [t], [1]), 1);
        var normed = g.LayerNorm(last, p.Filled("final.ln.g", 1f, d), p.Filled("final.ln.b", 0f, d));
        var explanation = attention is null ? null : g.ReduceMean(g.Slice(attention, [t - 1], [t], [2]), [1, 2]);
        return new ArchitectureOutput(normed, p.Weight("head.w", d, d, s.Outputs), p.Filled("head.b", 0f, s.Outputs), explanation);
    }

    /// <summary>PE[t, 2i] = sin(t / 10000^(2i/D)), PE[t, 2i+1] = cos(...), Vaswani et al. (2017).</summary>
    public static float[] PositionalEncoding(int steps, int width)
    {
        var pe = new float[steps * width];
        for (int t = 0; t < steps; t++)
        {
            for (int i = 0; i < width; i++)
            {
                double angle = t / Math.Pow(10000, (i - i % 2) / (double)width);
                pe[t * width + i] = (float)(i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        }

        return pe;
    }
}
