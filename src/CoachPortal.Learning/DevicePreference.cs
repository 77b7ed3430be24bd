namespace CoachPortal.Learning;

/// <summary>Which execution provider to ask ONNX Runtime for.</summary>
public enum DevicePreference
{
    /// <summary>CUDA when its provider loads on this machine, otherwise CPU (the reason is logged and reported).</summary>
    Auto,

    /// <summary>CPU only.</summary>
    Cpu,

    /// <summary>CUDA or fail with <see cref="LearningException"/>.</summary>
    Cuda,
}
