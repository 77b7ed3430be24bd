namespace CoachPortal.Core.Technique;

/// <summary>The technique models.</summary>
public enum TechniqueModelKind
{
    /// <summary>Frozen pretrained ResNet18 features with a small head trained on the club's frames: for a few dozen clips.</summary>
    ResNetHead,

    /// <summary>The small image CNN trained from scratch: for many labelled frames.</summary>
    ImageCnn,

    /// <summary>A temporal 1-D CNN over pose keypoint sequences.</summary>
    KeypointCnn,
}
