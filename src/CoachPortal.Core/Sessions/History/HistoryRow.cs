namespace CoachPortal.Core.Sessions.History;

/// <summary>
/// One data line of an import as mapped: <see cref="Value"/> when the line is good, otherwise its
/// <see cref="Errors"/>. <see cref="Line"/> counts the header as line 1, as a spreadsheet shows it.
/// </summary>
public sealed record HistoryRow<T>(int Line, DateOnly? Date, T? Value, IReadOnlyList<string> Errors)
    where T : class
{
    /// <summary>A line with no value in any mapped column (nothing to import, not an error).</summary>
    public bool IsEmpty => Value is null && Errors.Count == 0;
}
