using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Models;

/// <summary>
/// An architecture's representation [N, R], its linear head's weights and its optional explanation tensor. The head
/// is applied by the caller so that training can apply dropout to the representation while inference does not.
/// </summary>
internal sealed record ArchitectureOutput(Tensor Representation, Tensor HeadWeight, Tensor HeadBias, Tensor? Explanation)
{
    public Tensor Head(Graph g, Tensor representation) => g.Add(g.MatMul(representation, HeadWeight), HeadBias);
}
