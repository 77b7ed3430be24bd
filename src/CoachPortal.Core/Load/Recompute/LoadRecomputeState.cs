using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Load.Recompute;

/// <summary>
/// The recompute status row of one athlete: which dates are stale and whether a run is due. Schedulers lower
/// <see cref="DirtyFromDate"/> and bump <see cref="Generation"/>; the job clears the date only when the generation
/// it read is still current, so a change that lands during a run is never lost.
/// </summary>
public class LoadRecomputeState
{
    public int AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    /// <summary>First local date whose daily load must be recomputed; null when the stored rows are current.</summary>
    public DateOnly? DirtyFromDate { get; set; }

    public long Generation { get; set; }

    public DateTime? LastCompletedUtc { get; set; }

    public string? FailureReason { get; set; }
}
