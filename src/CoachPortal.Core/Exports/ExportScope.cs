namespace CoachPortal.Core.Exports;

/// <summary>Whose records an export holds: one athlete, or every athlete of one team.</summary>
public sealed record ExportScope(int? AthleteId, int? TeamId)
{
    public static ExportScope Athlete(int athleteId) => new(athleteId, null);

    public static ExportScope Team(int teamId) => new(null, teamId);

    public override string ToString() => AthleteId is { } a ? $"athlete {a}" : $"team {TeamId}";
}
