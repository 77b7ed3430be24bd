using CoachPortal.Ingest;
using CoachPortal.Ingest.Csv;

namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// What the CSV mapping step shows: the header and first rows, the mapping in force (<paramref name="Source"/>:
/// "remembered", "recognised" or "chosen"), and either the summary it gives or why it gives none.
/// </summary>
public sealed record CsvPreview(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    CsvColumnMapping Mapping,
    string Source,
    ActivitySummary? Summary,
    string? Error)
{
    /// <summary>Whether the file imports with this mapping (it has samples and a start time).</summary>
    public bool IsUsable => Summary is { StartTimeUtc: not null } && Error is null;
}
