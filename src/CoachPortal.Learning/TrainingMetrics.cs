namespace CoachPortal.Learning;

/// <summary>What training achieved, on the validation split, next to a trivial predictor's result.</summary>
public sealed record TrainingMetrics
{
    /// <summary>Epochs run (fewer than asked when stopped early).</summary>
    public required int EpochsRun { get; init; }

    /// <summary>The epoch whose weights were kept (lowest validation loss).</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Optimiser steps run.</summary>
    public required long StepsRun { get; init; }

    /// <summary>Mean batch loss of the best epoch.</summary>
    public required double TrainingLoss { get; init; }

    /// <summary>Validation loss of the best epoch (in the loss's own units; targets are standardised for regression).</summary>
    public required double ValidationLoss { get; init; }

    /// <summary>Regression: validation mean squared error in target units. Null for classifiers.</summary>
    public double? ValidationMeanSquaredError { get; init; }

    /// <summary>Regression: the validation MSE of always predicting the training mean.</summary>
    public double? BaselineMeanSquaredError { get; init; }

    /// <summary>Classifiers: share of validation samples classified correctly (probability 0.5 for binary).</summary>
    public double? ValidationAccuracy { get; init; }

    /// <summary>Classifiers: accuracy of always predicting the training split's most frequent class.</summary>
    public double? BaselineAccuracy { get; init; }

    /// <summary>Wall-clock training time, including graph building and session creation.</summary>
    public required TimeSpan Duration { get; init; }
}
