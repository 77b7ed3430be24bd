namespace CoachPortal.Learning.Vision;

/// <summary>The binary classifiers <see cref="ClassifierTrainer"/> builds.</summary>
public enum ClassifierKind
{
    /// <summary>The small image CNN over [3, H, W] (three conv–pool blocks, dense 128, one sigmoid output).</summary>
    ImageCnn,

    /// <summary>A logistic head over fixed features [F] (e.g. ResNet18's 512 pooled features); a hidden layer when <see cref="ClassifierOptions.HiddenSize"/> is set.</summary>
    FeatureHead,

    /// <summary>A temporal 1-D CNN over keypoint sequences [T, F].</summary>
    KeypointCnn,
}
