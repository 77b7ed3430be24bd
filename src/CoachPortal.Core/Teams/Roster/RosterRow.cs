using CoachPortal.Core.Athletes;

namespace CoachPortal.Core.Teams.Roster;

/// <summary>A parsed CSV line: either an athlete to create or the reasons it cannot be.</summary>
public sealed record RosterRow(int LineNumber, AthleteInput? Input, IReadOnlyList<string> Errors);
