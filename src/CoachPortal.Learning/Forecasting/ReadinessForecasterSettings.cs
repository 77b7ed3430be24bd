namespace CoachPortal.Learning.Forecasting;

/// <summary>The readiness forecaster's production settings; every property has the default the portal trains with.</summary>
public sealed record ReadinessForecasterSettings
{
    /// <summary>GRU state size. Default 4: a few hundred samples per club do not support more (8 and 16 did worse in cross-validation).</summary>
    public int HiddenSize { get; init; } = 4;

    /// <summary>Days of inputs the GRU reads, ending on the forecast day (at most <see cref="ReadinessFeatures.WindowDays"/>). Default 1: longer windows did not help in cross-validation; the athlete-level inputs already summarise the past.</summary>
    public int WindowDays { get; init; } = 1;

    /// <summary>
    /// The inputs used, by <see cref="ReadinessFeatures.Names"/>. Default: readiness and mood relative to the athlete, the
    /// athlete's level, and where the recent reports sit relative to the EWMA. The other wellness channels (fatigue,
    /// soreness, stress, sleep, resting heart rate, sleep score) and load made cross-validation worse on PMData and are left out.
    /// </summary>
    public IReadOnlyList<string> Inputs { get; init; } =
        ["readiness_z", "mood_z", "ewma_vs_mean", "athlete_mean", "median7_vs_ewma", "last_vs_ewma", "ewma_fraction", "last_vs_rounded", "mode14_vs_rounded"];

    /// <summary>Whole points the next report may differ from the rounded EWMA (larger changes are counted at this edge). Default 3.</summary>
    public int MaxChange { get; init; } = 3;

    /// <summary>Seeds in the ensemble (their class probabilities are averaged). Default 5.</summary>
    public int Seeds { get; init; } = 5;

    /// <summary>Expanding-window folds of time-series cross-validation inside the training period. Default 3.</summary>
    public int Folds { get; init; } = 3;

    /// <summary>Lower quantile of the uncertainty band. Default 0.1 (with <see cref="BandHigh"/>, an 80 % band).</summary>
    public double BandLow { get; init; } = 0.1;

    /// <summary>Upper quantile of the uncertainty band. Default 0.9.</summary>
    public double BandHigh { get; init; } = 0.9;

    /// <summary>Most passes over the data; early stopping on the latest 20 % usually ends sooner. Default 60.</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>Epochs without improvement before stopping. Default 8.</summary>
    public int Patience { get; init; } = 8;

    /// <summary>Rows per step. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Peak learning rate. Default 3e-3.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Weight decay. Default 0.05 (strong: the change it learns is small and noisy).</summary>
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>Dropout on the GRU state. Default 0.1.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Execution provider. Default CPU (the model is tiny; device copies cost more than they save).</summary>
    public DevicePreference Device { get; init; } = DevicePreference.Cpu;

    /// <summary>ONNX Runtime threads; 0 lets it choose.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>First seed; member k uses Seed + k. Default 1.</summary>
    public ulong Seed { get; init; } = 1;
}
