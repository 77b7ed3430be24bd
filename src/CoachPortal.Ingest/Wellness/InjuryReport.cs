namespace CoachPortal.Ingest.Wellness;

/// <summary>A weekly injury report; an empty map means "no injury".</summary>
/// <param name="Time">when the report was made (UTC)</param>
/// <param name="Injuries">body part → severity as reported (e.g. "left_foot" → "minor")</param>
public sealed record InjuryReport(DateTimeOffset Time, IReadOnlyDictionary<string, string> Injuries);
