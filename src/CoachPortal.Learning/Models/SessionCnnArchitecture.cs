using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Models;

/// <summary>
/// Two same-padded 1-D convolutions with ReLU over [N, 2F, T] (the F stream channels plus their F presence masks, so a
/// missing channel differs from a zero reading), global average pooling over time, linear head. Because pooling is a
/// mean, head = mean_t(evidence_t) + b with evidence_t = h_t·W: the explanation is that evidence, [N, T, outputs].
/// </summary>
internal static class SessionCnnArchitecture
{
    public static ArchitectureOutput Build(Graph g, Tensor x, Tensor channelMask, ParameterSet p, ArchitectureSettings s)
    {
        int c = s.Hidden;
        int k = s.KernelSize;
        long[] pads = [k / 2, k - 1 - k / 2];
        var masks = g.ExpandLike(g.Unsqueeze(channelMask, 1), x);
        var input = g.Transpose(g.Concat(2, x, masks), 0, 2, 1);
        var h1 = g.Relu(g.Conv(input, p.Weight("conv1.w", 2 * s.Features * k, c, 2 * s.Features, k), p.Filled("conv1.b", 0f, c), pads));
        var h2 = g.Relu(g.Conv(h1, p.Weight("conv2.w", c * k, c, c, k), p.Filled("conv2.b", 0f, c), pads));
        var wo = p.Weight("head.w", c, c, s.Outputs);
        var bo = p.Filled("head.b", 0f, s.Outputs);
        var evidence = g.MatMul(g.Transpose(h2, 0, 2, 1), wo);
        return new ArchitectureOutput(g.ReduceMean(h2, [2]), wo, bo, evidence);
    }
}
