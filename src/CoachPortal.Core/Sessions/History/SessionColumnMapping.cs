namespace CoachPortal.Core.Sessions.History;

/// <summary>How a training-log export's columns become session-RPE sessions: one row per session.</summary>
/// <param name="TimeColumn">the session's date and time (ISO 8601; without an offset read as UTC)</param>
/// <param name="TimeIsEnd">whether that time is the session's end (PMSys) rather than its start</param>
/// <param name="DurationMinutesColumn">the session's length in minutes</param>
/// <param name="RpeColumn">rating of perceived exertion on the CR-10 scale</param>
/// <param name="ActivityColumn">activity names, stored as the session's title</param>
public sealed record SessionColumnMapping(
    string TimeColumn,
    bool TimeIsEnd,
    string DurationMinutesColumn,
    string RpeColumn,
    string? ActivityColumn = null);
