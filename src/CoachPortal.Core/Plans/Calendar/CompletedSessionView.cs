namespace CoachPortal.Core.Plans.Calendar;

/// <summary>An uploaded session shown beside the planned ones.</summary>
public sealed record CompletedSessionView(int Id, int AthleteId, DateOnly Date, string Sport, string? Title, int DurationSeconds, double? Load);
