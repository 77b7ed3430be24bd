namespace CoachPortal.Core.Plans.Assignment;

/// <summary>The assignments made; <see cref="Queued"/> when a job personalises them (whole teams).</summary>
public sealed record PlanAssignmentResult(IReadOnlyList<int> AssignmentIds, bool Queued);
