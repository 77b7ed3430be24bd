namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// What one import did. Good lines are stored together in one transaction; a bad line is reported by its number
/// and stored nowhere, so importing the corrected file again adds only what was missing.
/// </summary>
/// <param name="Added">check-ins or sessions stored</param>
/// <param name="Duplicates">lines already stored (by an earlier import or by hand) or repeated within the file</param>
/// <param name="Skipped">lines with nothing to store (empty, or RPE 0 meaning rest)</param>
/// <param name="Errors">lines refused, by line number</param>
public sealed record HistoryImportResult(int Added, int Duplicates, int Skipped, IReadOnlyList<HistoryImportError> Errors);
