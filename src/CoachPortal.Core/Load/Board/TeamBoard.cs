using CoachPortal.Core.Teams;

namespace CoachPortal.Core.Load.Board;

/// <summary>The team board: one row per active athlete, in "needs attention" order.</summary>
public sealed record TeamBoard(int TeamId, string TeamName, DateOnly Today, TeamLoadSettings Settings, IReadOnlyList<TeamBoardRow> Rows);
