namespace CoachPortal.Learning;

/// <summary>Where ONNX Runtime ran a model.</summary>
public enum ExecutionDevice
{
    /// <summary>ONNX Runtime's CPU execution provider.</summary>
    Cpu,

    /// <summary>ONNX Runtime's CUDA execution provider (CUDA 13 and cuDNN 9 on the loader path).</summary>
    Cuda,
}
