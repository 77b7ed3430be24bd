using CoachPortal.Learning;
using CoachPortal.Learning.Evaluation;

namespace CoachPortal.Core.Technique;

/// <summary>
/// A trained technique model judged on athletes it never saw: accuracies of the model and the baselines on the
/// held-out athletes' samples, the promotion decision against the best baseline, and an occlusion map.
/// </summary>
public sealed record TechniqueReport
{
    /// <summary>The model.</summary>
    public required TechniqueModelKind Kind { get; init; }

    /// <summary>The trained classifier (ONNX). For <see cref="TechniqueModelKind.ResNetHead"/> it takes ResNet18's 512 features, not pixels.</summary>
    public required byte[] OnnxBytes { get; init; }

    /// <summary>The model's accuracy on the held-out athletes.</summary>
    public required double ModelAccuracy { get; init; }

    /// <summary>Predicting the training set's majority class.</summary>
    public required double MajorityAccuracy { get; init; }

    /// <summary>Logistic regression on joint angles (keypoint models only).</summary>
    public double? JointAngleAccuracy { get; init; }

    /// <summary>Which baseline the model was judged against: the better of the two on the held-out athletes.</summary>
    public required string BestBaseline { get; init; }

    /// <summary>The bootstrap rule's decision (athletes resampled).</summary>
    public required PromotionDecision Decision { get; init; }

    /// <summary>Athletes trained on.</summary>
    public required IReadOnlyList<string> TrainingAthletes { get; init; }

    /// <summary>Athletes held out.</summary>
    public required IReadOnlyList<string> HeldOutAthletes { get; init; }

    /// <summary>What drove the prediction on the held-out sample the model was surest was positive.</summary>
    public OcclusionMap? Occlusion { get; init; }

    /// <summary>Where training ran.</summary>
    public required ExecutionDevice Device { get; init; }

    /// <summary>Why that device.</summary>
    public string DeviceReason { get; init; } = "";

    /// <summary>Mean training loss of each epoch.</summary>
    public IReadOnlyList<double> EpochLosses { get; init; } = [];
}
