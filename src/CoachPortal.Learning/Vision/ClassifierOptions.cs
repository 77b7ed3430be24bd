namespace CoachPortal.Learning.Vision;

/// <summary>How <see cref="ClassifierTrainer"/> trains; the defaults are Keras' for the small image CNN (Adam, 10 epochs, batch 32).</summary>
public sealed class ClassifierOptions
{
    /// <summary>Passes over the training samples. Default 10.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Samples per step (fewer when there are fewer samples). Default 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Adam's constant learning rate. Default 1e-3; too high a rate diverges and throws.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Decoupled weight decay (0 is plain Adam). Default 0; a head on few samples benefits from 1e-2 or more.</summary>
    public double WeightDecay { get; set; }

    /// <summary>Hidden width of the feature head (0 = logistic) and the channels of the keypoint CNN. Default 0 (head) / 32 (keypoints).</summary>
    public int HiddenSize { get; set; }

    /// <summary>Kernel length of the keypoint CNN, in frames. Default 5.</summary>
    public int KernelSize { get; set; } = 5;

    /// <summary>Seeds initial weights and batch order. Default 1.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Where to train. Default Auto: CUDA when it loads, else CPU.</summary>
    public DevicePreference Device { get; set; } = DevicePreference.Auto;

    /// <summary>The CUDA device. Default 0.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>ONNX Runtime's intra-op threads (0 = its default, every core). Default 0.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Receives the device choice and its reason.</summary>
    public Action<string>? Log { get; set; }
}
