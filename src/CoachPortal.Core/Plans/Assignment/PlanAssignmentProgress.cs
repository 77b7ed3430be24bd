namespace CoachPortal.Core.Plans.Assignment;

/// <summary>
/// How far one athlete's assignment has got: personalised or still queued, the sessions written and their load, and
/// every session the personaliser changed with its reason.
/// </summary>
public sealed record PlanAssignmentProgress(
    int AssignmentId,
    int AthleteId,
    string AthleteName,
    bool IsPersonalised,
    int SessionCount,
    double TotalTss,
    IReadOnlyList<string> Changes);
