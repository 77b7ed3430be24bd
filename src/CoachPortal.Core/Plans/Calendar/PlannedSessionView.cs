namespace CoachPortal.Core.Plans.Calendar;

/// <summary>A planned session as calendars and the Today page show it.</summary>
public sealed record PlannedSessionView(
    int Id,
    int AssignmentId,
    int AthleteId,
    string AthleteName,
    DateOnly Date,
    string Sport,
    string Title,
    string Text,
    double DurationSeconds,
    double Tss,
    string? ChangeReason,
    PlannedSessionStatus Status,
    string? SkipReason,
    int? Rpe,
    string? Comment,
    int? CompletedSessionId,
    Guid Version);
