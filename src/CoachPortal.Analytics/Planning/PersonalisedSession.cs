namespace CoachPortal.Analytics.Planning;

/// <summary>A session as personalised: its new date, text and load, and why it differs from the template (null when it does not).</summary>
public sealed record PersonalisedSession(
    DateOnly Date,
    string Sport,
    string Title,
    string TemplateText,
    string Text,
    double DurationSeconds,
    double Tss,
    string? ChangeReason);
