namespace CoachPortal.Learning;

/// <summary>
/// Predictions for a batch of samples. Which members are set depends on the model's loss: regression gives
/// <see cref="Mean"/> (and <see cref="Variance"/> for Gaussian NLL), binary gives <see cref="Probability"/>,
/// categorical gives <see cref="ClassProbabilities"/>; the explanation is <see cref="Attention"/> (attention
/// forecaster) or <see cref="Evidence"/> (session CNN).
/// </summary>
public sealed record ScoreResult
{
    /// <summary>Samples scored.</summary>
    public required int Count { get; init; }

    /// <summary>Point forecast per sample, in target units.</summary>
    public float[]? Mean { get; init; }

    /// <summary>Predictive variance per sample, in squared target units (Gaussian NLL models).</summary>
    public float[]? Variance { get; init; }

    /// <summary>Probability of the positive class per sample (binary models).</summary>
    public float[]? Probability { get; init; }

    /// <summary>[sample, class] probabilities (categorical models).</summary>
    public float[,]? ClassProbabilities { get; init; }

    /// <summary>[sample, step]: the last position's attention over the input steps, averaged over heads; each row sums to 1.</summary>
    public float[,]? Attention { get; init; }

    /// <summary>[sample, step, output]: each step's contribution to the head; its mean over steps plus the head bias is the logit.</summary>
    public float[,,]? Evidence { get; init; }
}
