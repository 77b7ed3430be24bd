namespace CoachPortal.Core.Models;

/// <summary>State of a training run.</summary>
public enum TrainingRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
