namespace CoachPortal.Learning;

/// <summary>A trained model: the self-contained inference ONNX (weights and normalisation inside) and how it was made.</summary>
public sealed class TrainedModel
{
    internal TrainedModel(byte[] onnxBytes, ModelKind kind, LossKind loss, TrainingMetrics metrics, ExecutionDevice device, string deviceReason)
    {
        OnnxBytes = onnxBytes;
        Kind = kind;
        Loss = loss;
        Metrics = metrics;
        Device = device;
        DeviceReason = deviceReason;
    }

    /// <summary>The inference model (ONNX, opset 18) for <see cref="ModelScorer"/> or any ONNX runtime; store it as is.</summary>
    public byte[] OnnxBytes { get; }

    /// <summary>The architecture.</summary>
    public ModelKind Kind { get; }

    /// <summary>The objective (it decides which outputs the model has).</summary>
    public LossKind Loss { get; }

    /// <summary>Validation results and the baseline.</summary>
    public TrainingMetrics Metrics { get; }

    /// <summary>Where training ran.</summary>
    public ExecutionDevice Device { get; }

    /// <summary>Why that device (e.g. why CUDA was not used).</summary>
    public string DeviceReason { get; }
}
