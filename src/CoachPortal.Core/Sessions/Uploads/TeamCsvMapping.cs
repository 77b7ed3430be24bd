namespace CoachPortal.Core.Sessions.Uploads;

/// <summary>
/// A CSV column mapping a coach or athlete of the team chose by hand, remembered for files with the same header
/// line and applied to them automatically.
/// </summary>
public class TeamCsvMapping
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the normalised header line (see <see cref="CsvMappingService.HeaderKey"/>).</summary>
    public string HeaderHash { get; set; } = "";

    /// <summary>The header line as it was, for display.</summary>
    public string HeaderLine { get; set; } = "";

    /// <summary>The <see cref="Ingest.Csv.CsvColumnMapping"/> as JSON.</summary>
    public string MappingJson { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }
}
