using Microsoft.ML.OnnxRuntime;

namespace CoachPortal.Learning.Runtime;

/// <summary>An ONNX Runtime session and the device it runs on, with the reason for that choice.</summary>
internal sealed record DeviceSession(InferenceSession Session, ExecutionDevice Device, string Reason);
