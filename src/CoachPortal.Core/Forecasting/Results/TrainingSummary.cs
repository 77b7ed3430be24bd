namespace CoachPortal.Core.Forecasting.Results;

/// <summary>
/// How a version's training went. The network trainers fill the epoch fields; the readiness ensemble fills the
/// cross-validation fields (folds inside the training period, MAE of the EWMA, its rounding and the network).
/// </summary>
public sealed record TrainingSummary
{
    public int? EpochsRun { get; init; }

    public int? BestEpoch { get; init; }

    public double? TrainingLoss { get; init; }

    public double? ValidationLoss { get; init; }

    /// <summary>Share of validation sessions classified right (session models).</summary>
    public double? ValidationAccuracy { get; init; }

    public int? Folds { get; init; }

    public int? ValidationSamples { get; init; }

    public string? Mode { get; init; }

    public double? EwmaMae { get; init; }

    public double? RoundedEwmaMae { get; init; }

    public double? NetworkMae { get; init; }

    public int? TrainingSamples { get; init; }
}
