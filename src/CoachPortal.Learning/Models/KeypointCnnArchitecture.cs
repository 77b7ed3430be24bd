using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Models;

/// <summary>
/// A temporal 1-D CNN over keypoint sequences [N, T, F] (F = keypoints × (x, y, visibility)): two same-padded
/// convolutions with ReLU along time, global average pooling over time, one logit.
/// </summary>
internal static class KeypointCnnArchitecture
{
    /// <returns>the logits [N, 1]</returns>
    public static Tensor Build(Graph g, Tensor sequences, ParameterSet p, int hidden, int kernel)
    {
        long features = sequences.Shape[2].Value;
        long[] pads = [kernel / 2, kernel - 1 - (kernel / 2)];
        var x = g.Transpose(sequences, 0, 2, 1);
        var h1 = g.Relu(g.Conv(x, p.Weight("conv1.w", features * kernel, hidden, features, kernel), p.Filled("conv1.b", 0f, hidden), pads));
        var h2 = g.Relu(g.Conv(h1, p.Weight("conv2.w", hidden * kernel, hidden, hidden, kernel), p.Filled("conv2.b", 0f, hidden), pads));
        var pooled = g.ReduceMean(h2, [2]);
        return g.Add(g.MatMul(pooled, p.Weight("out.w", hidden, hidden, 1)), p.Filled("out.b", 0f, 1));
    }
}
