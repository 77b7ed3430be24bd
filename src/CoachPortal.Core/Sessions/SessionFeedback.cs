namespace CoachPortal.Core.Sessions;

/// <summary>The session's feedback as saved: its new version, RPE, comment and the session-RPE load that follows (AU).</summary>
public sealed record SessionFeedback(Guid Version, int? Rpe, string? Comment, double? SessionRpeLoad);
