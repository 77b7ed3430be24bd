namespace CoachPortal.Core.Sessions.History;

/// <summary>How a wellness export's columns become check-ins: one row per report.</summary>
/// <param name="DateColumn">the report's date (yyyy-mm-dd) or date and time (ISO 8601; without an offset read as UTC)</param>
/// <param name="Scales">the subjective scales present in the file</param>
/// <param name="SleepHoursColumn">hours slept, when the file has them</param>
/// <param name="OffScaleIsMissing">
/// read a value outside its scale as "not answered" rather than as an error; PMSys writes 0 on its 1–5 scales for an
/// unanswered question
/// </param>
public sealed record WellnessColumnMapping(
    string DateColumn,
    IReadOnlyDictionary<WellnessScale, ScaleMapping> Scales,
    string? SleepHoursColumn = null,
    bool OffScaleIsMissing = false);
