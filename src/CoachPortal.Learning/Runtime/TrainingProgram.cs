namespace CoachPortal.Learning.Runtime;

/// <summary>
/// What the trainer runs: the training-step model (forward, backward, AdamW) and the evaluation model (forward and
/// loss with the parameters as inputs), with the names that connect them to host data and device state.
/// </summary>
internal sealed record TrainingProgram(
    byte[] TrainingModel,
    byte[] EvaluationModel,
    IReadOnlyList<StateSpec> State,
    IReadOnlyList<DataSpec> Data,
    string LearningRateName,
    string LossName,
    IReadOnlyList<string> EvaluationOutputs)
{
    /// <summary>The state entries that are model parameters (the rest is optimiser state).</summary>
    public IEnumerable<StateSpec> Parameters => State.Where(s => s.InputName.StartsWith("p.", StringComparison.Ordinal));
}
