using CoachPortal.Learning;

namespace CoachPortal.Core.Technique;

/// <summary>How <see cref="TechniqueTrainer"/> splits, trains and explains.</summary>
public sealed class TechniqueOptions
{
    /// <summary>Share of athletes held out for judging (at least three are). Default 0.3.</summary>
    public double HeldOutFraction { get; set; } = 0.3;

    /// <summary>Side of the square the image CNN sees, in pixels. Default 64; 224 is the seed network's but slow on a CPU.</summary>
    public int ImageSize { get; set; } = 64;

    /// <summary>Training epochs; 0 picks the model's default (10 for the image CNN, 60 for the heads and keypoint CNN). Default 0.</summary>
    public int Epochs { get; set; }

    /// <summary>Occlusion grid of an image, cells per side. Default 7 (32-pixel patches at 224).</summary>
    public int OcclusionGrid { get; set; } = 7;

    /// <summary>Frames covered at once when occluding a clip. Default 5.</summary>
    public int OcclusionFrames { get; set; } = 5;

    /// <summary>Seeds the split, the weights and the batch order. Default 1.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Where to train. Default Auto (CUDA when it loads, else CPU).</summary>
    public DevicePreference Device { get; set; } = DevicePreference.Auto;

    /// <summary>ONNX Runtime's intra-op threads (0 = every core). Default 0.</summary>
    public int IntraOpThreads { get; set; }
}
