namespace CoachPortal.Core.Sessions.History;

/// <summary>A line that was not imported and why (the header is line 1).</summary>
public sealed record HistoryImportError(int Line, string Message);
