namespace CoachPortal.Learning;

/// <summary>The model architectures the engine trains.</summary>
public enum ModelKind
{
    /// <summary>GRU over a sequence of daily feature vectors; the last state feeds the head.</summary>
    GruForecaster,

    /// <summary>
    /// Input projection, sinusoidal positional encoding, pre-norm multi-head self-attention blocks with a feed-forward
    /// layer; the last position feeds the head. Its explanation output is the last position's attention over the days.
    /// </summary>
    AttentionForecaster,

    /// <summary>Two 1-D convolutions over resampled session streams (channels with masks), global average pooling, head.
    /// Its explanation output is each time step's contribution to each output.</summary>
    SessionCnn,

    /// <summary>A temporal 1-D CNN over pose keypoint clips, classifying technique as good or to fix (see Vision.ClassifierKind.KeypointCnn).</summary>
    KeypointCnn,

    /// <summary>A small head on frozen ResNet18 features of a photo, classifying technique (see Vision.ClassifierKind.FeatureHead).</summary>
    ResNetHead,
}
