namespace CoachPortal.GpuCheck;

/// <summary>Timings per device and the CPU-vs-CUDA parity of one case (parity null without CUDA).</summary>
internal sealed record CheckResult(CheckCase Case, double CpuStepMs, double CpuStepProcessMs, double CpuInferMs, double? CudaStepMs, double? CudaInferMs, double? LossRelative, double? WeightRelative)
{
    public const double Tolerance = 1e-3;

    public bool ParityOk => LossRelative is null || (LossRelative <= Tolerance && WeightRelative <= Tolerance);
}
