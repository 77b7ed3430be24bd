namespace CoachPortal.Learning.Runtime;

/// <summary>A per-step host input of a graph (batch data, masks); Shape[0] is the batch and is filled in per run.</summary>
internal sealed record DataSpec(string Name, long[] Shape);
