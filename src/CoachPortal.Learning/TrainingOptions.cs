namespace CoachPortal.Learning;

/// <summary>How to train: objective, model sizes, optimiser schedule, stopping, device and hooks. Every property has a usable default.</summary>
public sealed class TrainingOptions
{
    /// <summary>The objective and therefore the head. Default <see cref="LossKind.GaussianNll"/> (mean and variance).</summary>
    public LossKind Loss { get; set; } = LossKind.GaussianNll;

    /// <summary>Classes for <see cref="LossKind.CategoricalCrossEntropy"/>; 0 (default) infers max(target) + 1.</summary>
    public int ClassCount { get; set; }

    /// <summary>GRU state size, attention width D, or CNN channels. Default 32. Cost grows with its square.</summary>
    public int HiddenSize { get; set; } = 32;

    /// <summary>Attention heads; must divide <see cref="HiddenSize"/>. Default 4.</summary>
    public int AttentionHeads { get; set; } = 4;

    /// <summary>Attention blocks. Default 1.</summary>
    public int AttentionLayers { get; set; } = 1;

    /// <summary>CNN kernel length in samples. Default 5.</summary>
    public int KernelSize { get; set; } = 5;

    /// <summary>
    /// Dropout probability on the representation that feeds the head (GRU last state, attention last position, CNN
    /// pooled channels), training only; the exported model has none. Default 0 (off); above 0.5 slows learning a lot.
    /// </summary>
    public double Dropout { get; set; }

    /// <summary>Passes over the training split. Default 30; early stopping may end sooner.</summary>
    public int Epochs { get; set; } = 30;

    /// <summary>Rows per step (capped at the training split's size). Default 64. The last partial batch of an epoch is skipped.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Peak AdamW learning rate. Default 3e-3; much above 1e-2 tends to diverge.</summary>
    public double LearningRate { get; set; } = 3e-3;

    /// <summary>Linear warm-up steps before the cosine decay (to 10 % of the peak at the last step). Default 10.</summary>
    public int WarmupSteps { get; set; } = 10;

    /// <summary>Decoupled AdamW weight decay on weight matrices. Default 0.01.</summary>
    public double WeightDecay { get; set; } = 0.01;

    /// <summary>Global gradient-norm clip; 0 disables. Default 1.0.</summary>
    public double ClipNorm { get; set; } = 1.0;

    /// <summary>Share of samples, taken from the end (samples are in time order), held out for validation. Default 0.2.</summary>
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Epochs without a better validation loss before stopping; the best epoch's weights are kept. Default 5.</summary>
    public int Patience { get; set; } = 5;

    /// <summary>Seed of initial weights and batch order; on CPU the same seed gives the same model. Default 1.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Execution provider. Default <see cref="DevicePreference.Auto"/> (CUDA when it loads, else CPU).</summary>
    public DevicePreference Device { get; set; } = DevicePreference.Auto;

    /// <summary>CUDA device ordinal. Default 0.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>ONNX Runtime intra-op threads; 0 (default) lets ONNX Runtime choose (all cores).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Huber threshold in standardised target units. Default 1.0.</summary>
    public double HuberDelta { get; set; } = 1.0;

    /// <summary>Quantile for <see cref="LossKind.Pinball"/>, in (0, 1). Default 0.5 (median).</summary>
    public double Quantile { get; set; } = 0.5;

    /// <summary>Weight of positive samples in binary cross-entropy (raise it for rare events such as injuries). Default 1.</summary>
    public double PositiveClassWeight { get; set; } = 1.0;

    /// <summary>Weight of negative samples in binary cross-entropy. Default 1.</summary>
    public double NegativeClassWeight { get; set; } = 1.0;

    /// <summary>Receives the engine's few log lines (which device and why). Default none.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Called after every epoch with the whole training state, to persist it. Default none.</summary>
    public Action<TrainingCheckpoint>? CheckpointSaved { get; set; }

    /// <summary>A checkpoint of the same model and options to continue from. Default none.</summary>
    public TrainingCheckpoint? ResumeFrom { get; set; }
}
