using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Models;

/// <summary>
/// The classic small image CNN over [N, 3, H, W]: three blocks of 3×3 valid convolution (32, 64, 128 filters) with
/// ReLU, each followed by 2×2 max pooling; flatten; dense 128 with ReLU; one logit.
/// </summary>
internal static class ImageCnnArchitecture
{
    public static readonly int[] Filters = [32, 64, 128];

    public const int Kernel = 3;

    public const int Dense = 128;

    /// <summary>The smallest side whose last convolution still sees a 2×2 window to pool: 22 → 20 → 10 → 8 → 4 → 2 → 1.</summary>
    public const int MinimumSize = 22;

    /// <returns>the logits [N, 1]</returns>
    public static Tensor Build(Graph g, Tensor images, ParameterSet p)
    {
        if (!images.Shape[2].IsKnown || !images.Shape[3].IsKnown || Math.Min(images.Shape[2].Value, images.Shape[3].Value) < MinimumSize)
        {
            throw new LearningException($"the image CNN needs images of at least {MinimumSize}×{MinimumSize} pixels for its three convolution and pooling blocks");
        }

        var h = images;
        long channels = images.Shape[1].Value;
        for (int i = 0; i < Filters.Length; i++)
        {
            var w = p.Weight($"conv{i + 1}.w", channels * Kernel * Kernel, Filters[i], channels, Kernel, Kernel);
            var b = p.Filled($"conv{i + 1}.b", 0f, Filters[i]);
            h = g.MaxPool(g.Relu(g.Conv(h, w, b, [0, 0, 0, 0])), [2, 2]);
            channels = Filters[i];
        }

        var flat = g.Flatten(h);
        long width = flat.Shape[1].Value;
        var hidden = g.Relu(g.Add(g.MatMul(flat, p.Weight("dense.w", width, width, Dense)), p.Filled("dense.b", 0f, Dense)));
        return g.Add(g.MatMul(hidden, p.Weight("out.w", Dense, Dense, 1)), p.Filled("out.b", 0f, 1));
    }

    /// <summary>The spatial size after the three blocks (valid 3×3 convolution, then floor halving).</summary>
    public static int FinalSize(int size)
    {
        for (int i = 0; i < Filters.Length; i++)
        {
            size = (size - Kernel + 1) / 2;
        }

        return size;
    }
}
