namespace CoachPortal.Core.Forecasting.Runs;

/// <summary>State of a training run.</summary>
public enum TrainingRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
