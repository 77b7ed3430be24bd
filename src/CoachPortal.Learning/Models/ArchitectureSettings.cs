namespace CoachPortal.Learning.Models;

/// <summary>Sizes of one model: sequence length, input width, head width and the architecture's own sizes.</summary>
internal sealed record ArchitectureSettings(int Steps, int Features, int Outputs, int Hidden, int Heads, int Layers, int KernelSize);
