namespace CoachPortal.Core.Load.Board;

/// <summary>One athlete's line on the team board: the latest load figures, the latest check-in and the flags.</summary>
public sealed record TeamBoardRow(
    int AthleteId,
    string Name,
    string? Sport,
    DateOnly? LoadDate,
    double? Ctl,
    double? Atl,
    double? Tsb,
    double? AcwrRolling,
    double? AcwrEwma,
    double? Monotony,
    DateOnly? LastCheckInDate,
    double? LastWellnessScore,
    int MissingCheckInDays,
    IReadOnlyList<BoardAlert> Flags,
    int AttentionScore);
