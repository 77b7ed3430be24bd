namespace CoachPortal.Core.Exports;

/// <summary>The CSV exports a coach or athlete can download.</summary>
public enum ExportKind
{
    Sessions,
    DailyLoad,
    Wellness,
}
