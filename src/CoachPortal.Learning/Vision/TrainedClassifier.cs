namespace CoachPortal.Learning.Vision;

/// <summary>A trained binary classifier: its self-contained inference ONNX and how the training went.</summary>
public sealed class TrainedClassifier
{
    internal TrainedClassifier(byte[] onnxBytes, ClassifierKind kind, int[] sampleShape, IReadOnlyList<double> epochLosses, IReadOnlyList<TimeSpan> epochDurations, double trainingAccuracy, ExecutionDevice device, string deviceReason)
    {
        OnnxBytes = onnxBytes;
        Kind = kind;
        SampleShape = sampleShape;
        EpochLosses = epochLosses;
        EpochDurations = epochDurations;
        TrainingAccuracy = trainingAccuracy;
        Device = device;
        DeviceReason = deviceReason;
    }

    /// <summary>The inference model (ONNX, opset 18): input "inputs" [N, sample shape...], output "probability" [N].</summary>
    public byte[] OnnxBytes { get; }

    /// <summary>The architecture.</summary>
    public ClassifierKind Kind { get; }

    /// <summary>The shape of one input sample.</summary>
    public int[] SampleShape { get; }

    /// <summary>Mean binary cross-entropy of each epoch's steps.</summary>
    public IReadOnlyList<double> EpochLosses { get; }

    /// <summary>Wall time of each epoch's steps.</summary>
    public IReadOnlyList<TimeSpan> EpochDurations { get; }

    /// <summary>Accuracy at probability 0.5 on the training samples after the last epoch.</summary>
    public double TrainingAccuracy { get; }

    /// <summary>Where training ran.</summary>
    public ExecutionDevice Device { get; }

    /// <summary>Why that device.</summary>
    public string DeviceReason { get; }
}
