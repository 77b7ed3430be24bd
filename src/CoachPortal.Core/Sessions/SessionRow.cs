namespace CoachPortal.Core.Sessions;

/// <summary>One line of the sessions list.</summary>
public sealed record SessionRow(
    int Id,
    DateTime StartUtc,
    string Sport,
    string? Title,
    int DurationSeconds,
    double? DistanceMeters,
    int? AvgHeartRateBpm,
    double? AvgPowerWatts,
    double? Tss,
    double? HrTss,
    int? Rpe,
    int? SourceFileId,
    string? SourceFileName,
    string? ClassLabel = null,
    string? PredictedClassLabel = null,
    double? PredictedClassConfidence = null,
    bool IsSimulated = false);
