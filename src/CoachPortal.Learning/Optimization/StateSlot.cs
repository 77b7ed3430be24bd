using CoachPortal.Learning.Graphs;

namespace CoachPortal.Learning.Optimization;

/// <summary>State kept between steps: In is a graph input, Out the graph output that replaces it after a step.</summary>
internal sealed record StateSlot(Tensor In, Tensor Out, float[] Initial);
