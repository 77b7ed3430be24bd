using CoachPortal.Core.Sessions.Streams;

namespace CoachPortal.Core.Sessions;

/// <summary>Everything the session page shows: the stored row, laps and charts-ready streams, and whether the caller may set its class label.</summary>
public sealed record SessionDetail(
    TrainingSession Session,
    string AthleteName,
    string? SourceFileName,
    bool CanEdit,
    IReadOnlyList<SessionLap> Laps,
    IReadOnlyList<StreamSeries> Series,
    bool CanLabel = false);
