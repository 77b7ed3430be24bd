using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Teams;
using CoachPortal.Learning;

namespace CoachPortal.Core.Forecasting.Runs;

/// <summary>One request to train a model, with its live progress. Written by <see cref="ModelTrainingJob"/>.</summary>
public class TrainingRun
{
    public int Id { get; set; }

    public ForecastTarget Target { get; set; }

    public ModelKind Architecture { get; set; }

    public ModelScope Scope { get; set; }

    /// <summary>The team for <see cref="ModelScope.Team"/>; null for the club.</summary>
    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>JSON of <see cref="TrainingRunInput"/>'s hyper-parameters.</summary>
    public string HyperParametersJson { get; set; } = "{}";

    public TrainingRunStatus Status { get; set; }

    public bool CancelRequested { get; set; }

    public int Epoch { get; set; }

    public int MaxEpochs { get; set; }

    public double? TrainingLoss { get; set; }

    public double? ValidationLoss { get; set; }

    /// <summary>Losses epoch by epoch (stored as JSON).</summary>
    public LossHistory LossHistory { get; set; } = LossHistory.Empty;

    public string? Device { get; set; }

    public string? DeviceReason { get; set; }

    public string? FailureReason { get; set; }

    public string RequestedByUserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public DateTime? StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    public int? ModelVersionId { get; set; }

    /// <summary>The background job that trains this run; null for runs queued before it was recorded.</summary>
    public string? JobId { get; set; }

    /// <summary>
    /// Not stored: set by <see cref="ModelService"/> when it reads the run. Queued or running, but its job is not
    /// running on a live server: the server died, and the sweep queues the job again (or it was lost).
    /// </summary>
    public bool IsInterrupted { get; set; }
}
