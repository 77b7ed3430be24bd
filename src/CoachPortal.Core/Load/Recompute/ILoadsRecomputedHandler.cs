namespace CoachPortal.Core.Load.Recompute;

/// <summary>
/// Told by <see cref="LoadRecomputeJob"/> after an athlete's daily loads were rewritten, so that features built on
/// loads (forecasts) follow without loads knowing them. Runs inside the job: enqueue work, do not do it here.
/// </summary>
public interface ILoadsRecomputedHandler
{
    Task OnLoadsRecomputedAsync(int athleteId, int teamId, CancellationToken ct);
}
