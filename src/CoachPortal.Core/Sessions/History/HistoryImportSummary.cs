namespace CoachPortal.Core.Sessions.History;

/// <summary>The results of importing a wellness export and a training log together (the PMSys preset).</summary>
public sealed record HistoryImportSummary(HistoryImportResult Wellness, HistoryImportResult Sessions);
