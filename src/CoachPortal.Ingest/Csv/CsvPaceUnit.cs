namespace CoachPortal.Ingest.Csv;

/// <summary>Unit of a CSV pace column (m:ss or decimal minutes).</summary>
public enum CsvPaceUnit
{
    /// <summary>Minutes per kilometre.</summary>
    MinutesPerKilometre,

    /// <summary>Minutes per mile.</summary>
    MinutesPerMile,
}
