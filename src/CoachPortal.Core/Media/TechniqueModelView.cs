namespace CoachPortal.Core.Media;

/// <summary>
/// The outcome of training a team's technique model on its coaches' frame labels: what it was trained on, how it
/// did on athletes it never saw against the best baseline, and whether it may be promoted. When there is too little
/// data, <see cref="Trained"/> is false and <see cref="Message"/> says what is missing.
/// </summary>
public sealed record TechniqueModelView
{
    public required bool Trained { get; init; }

    public required string Message { get; init; }

    public string? Exercise { get; init; }

    /// <summary>Labelled video frames with landmarks (each one clip of <see cref="WindowFrames"/> frames).</summary>
    public int Clips { get; init; }

    public int GoodClips { get; init; }

    /// <summary>Labelled photos; counted, not trained on (the keypoint model needs a clip).</summary>
    public int LabelledPhotos { get; init; }

    public int Athletes { get; init; }

    public int WindowFrames { get; init; }

    public double? ModelAccuracy { get; init; }

    public double? BaselineAccuracy { get; init; }

    public string? Baseline { get; init; }

    public bool Promotable { get; init; }

    public string? PromotionReason { get; init; }

    /// <summary>Frame offset within the window where covering the pose hurt the prediction most.</summary>
    public int? OcclusionPeakFrame { get; init; }

    public int TrainingAthletes { get; init; }

    public int HeldOutAthletes { get; init; }

    /// <summary>The trained keypoint CNN (ONNX); not persisted.</summary>
    public byte[]? OnnxBytes { get; init; }
}
