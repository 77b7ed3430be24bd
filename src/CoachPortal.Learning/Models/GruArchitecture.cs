using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Models;

/// <summary>
/// GRU with PyTorch's gate equations (Cho et al., 2014), gates fused: Wx [F, 3H], Wh [H, 3H], bx and bh [3H].
/// x·Wx + bx is one MatMul over all steps; the recurrence is a Scan; the last state feeds a linear head.
/// </summary>
internal static class GruArchitecture
{
    public static ArchitectureOutput Build(Graph g, Tensor x, ParameterSet p, ArchitectureSettings s)
    {
        int h = s.Hidden;
        var wx = p.Weight("gru.wx", h, s.Features, 3 * h);
        var wh = p.Weight("gru.wh", h, h, 3 * h);
        var bx = p.Weight("gru.bx", h, 3 * h);
        var bh = p.Weight("gru.bh", h, 3 * h);
        var wo = p.Weight("head.w", h, h, s.Outputs);
        var bo = p.Filled("head.b", 0f, s.Outputs);

        var gx = g.Add(g.MatMul(x, wx), bx);
        var batch = g.Slice(g.ShapeOf(x), [0], [1], [0]);
        var h0 = g.ConstantOfShape(g.Concat(0, batch, g.Ints(h)), ElementType.Float, [x.Shape[0], h]);
        var last = Recurrence.Scan(g, (body, state, step, w) => [Cell(body, state[0], step[0], w[0], w[1], h)], [h0], [gx], [wh, bh])[0];
        return new ArchitectureOutput(last, wo, bo, null);
    }

    // r = σ(gx_r + gh_r); z = σ(gx_z + gh_z); n = tanh(gx_n + r * gh_n); h' = (1 - z) n + z h = n + z (h - n)
    private static Tensor Cell(Graph g, Tensor state, Tensor gxStep, Tensor wh, Tensor bh, int h)
    {
        var xs = g.Split(gxStep, 1, h, h, h);
        var hs = g.Split(g.Add(g.MatMul(state, wh), bh), 1, h, h, h);
        var r = g.Sigmoid(g.Add(xs[0], hs[0]));
        var z = g.Sigmoid(g.Add(xs[1], hs[1]));
        var n = g.Tanh(g.Add(xs[2], g.Mul(r, hs[2])));
        return g.Add(n, g.Mul(z, g.Sub(state, n)));
    }
}
