namespace CoachPortal.Learning;

/// <summary>The training objective; it also fixes the model's head and its outputs.</summary>
public enum LossKind
{
    /// <summary>Gaussian negative log-likelihood: the model predicts a mean and a variance (forecasts with uncertainty).</summary>
    GaussianNll,

    /// <summary>Mean squared error on a point forecast.</summary>
    MeanSquaredError,

    /// <summary>Huber loss on a point forecast (robust to outliers); see <see cref="TrainingOptions.HuberDelta"/>.</summary>
    Huber,

    /// <summary>Pinball loss for one quantile; see <see cref="TrainingOptions.Quantile"/>.</summary>
    Pinball,

    /// <summary>Binary cross-entropy on a logit (targets 0 or 1), with class weights; the model outputs a probability.</summary>
    BinaryCrossEntropy,

    /// <summary>Cross-entropy over <see cref="TrainingOptions.ClassCount"/> classes (targets are class indices).</summary>
    CategoricalCrossEntropy,
}
