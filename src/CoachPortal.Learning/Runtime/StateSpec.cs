namespace CoachPortal.Learning.Runtime;

/// <summary>A state tensor of the training graph: its input name, the output that replaces it after a step, shape and initial value.</summary>
internal sealed record StateSpec(string InputName, string OutputName, long[] Shape, float[] Initial);
