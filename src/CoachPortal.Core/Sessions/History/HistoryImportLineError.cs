namespace CoachPortal.Core.Sessions.History;

/// <summary>A line of a queued history import that was refused and why (the header is line 1).</summary>
public class HistoryImportLineError
{
    public int Id { get; set; }

    public int HistoryImportId { get; set; }

    public int LineNumber { get; set; }

    public string Message { get; set; } = "";
}
