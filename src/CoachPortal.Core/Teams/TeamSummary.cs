namespace CoachPortal.Core.Teams;

public sealed record TeamSummary(
    int Id,
    string Name,
    string? Sport,
    string? Description,
    bool IsArchived,
    int AthleteCount,
    IReadOnlyList<CoachRef> Coaches,
    Guid Version);
