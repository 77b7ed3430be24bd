namespace CoachPortal.Learning;

/// <summary>A progress report: after every epoch (with the validation loss) and every 20 steps in between (without).</summary>
/// <param name="Epoch">1-based epoch</param>
/// <param name="Step">steps run so far</param>
/// <param name="TrainingLoss">mean batch loss of the epoch so far</param>
/// <param name="ValidationLoss">validation loss at the end of the epoch; null mid-epoch</param>
/// <param name="Device">where training runs</param>
public sealed record TrainingProgress(int Epoch, long Step, double TrainingLoss, double? ValidationLoss, ExecutionDevice Device);
