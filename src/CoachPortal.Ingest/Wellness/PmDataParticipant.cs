namespace CoachPortal.Ingest.Wellness;

/// <summary>Everything one participant of a PMData-style export logged, each list in time order.</summary>
/// <param name="Id">the participant's folder name (e.g. "p01")</param>
/// <param name="Wellness">morning reports</param>
/// <param name="Sessions">session-RPE reports</param>
/// <param name="Injuries">weekly injury reports</param>
/// <param name="SleepScores">nightly sleep scores (empty when the file is missing)</param>
/// <param name="RestingHeartRates">daily resting heart rates with a reading (empty when the file is missing)</param>
public sealed record PmDataParticipant(
    string Id,
    IReadOnlyList<WellnessReport> Wellness,
    IReadOnlyList<SessionReport> Sessions,
    IReadOnlyList<InjuryReport> Injuries,
    IReadOnlyList<SleepScore> SleepScores,
    IReadOnlyList<RestingHeartRateReading> RestingHeartRates);
