using CoachPortal.Core.Technique;

namespace CoachPortal.Core.Media;

/// <summary>What the technique page asks for; kept as the run's and the version's hyper-parameters (JSON).</summary>
public sealed class TechniqueRunInput
{
    /// <summary>Only labels of this exercise (case-insensitive); null or blank for every exercise.</summary>
    public string? Exercise { get; set; }

    /// <summary>
    /// The keypoint CNN learns from labelled video frames with stored pose, the ResNet head from labelled photos.
    /// Default the keypoint CNN.
    /// </summary>
    public TechniqueModelKind Kind { get; set; } = TechniqueModelKind.KeypointCnn;

    /// <summary>Training epochs; 0 picks the model's default (60). Default 0.</summary>
    public int Epochs { get; set; }

    /// <summary>Seeds the athlete split, the weights and the batch order. Default 1.</summary>
    public ulong Seed { get; set; } = 1;
}
