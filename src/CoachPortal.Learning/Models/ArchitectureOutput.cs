using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Models;

/// <summary>An architecture's head [N, outputs] and its optional explanation tensor.</summary>
internal sealed record ArchitectureOutput(Tensor Head, Tensor? Explanation);
