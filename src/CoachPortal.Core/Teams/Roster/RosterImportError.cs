namespace CoachPortal.Core.Teams.Roster;

/// <summary>A CSV line that was not imported and why.</summary>
public class RosterImportError
{
    public int Id { get; set; }

    public int RosterImportId { get; set; }

    public int LineNumber { get; set; }

    public string Message { get; set; } = "";
}
