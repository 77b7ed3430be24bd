namespace CoachPortal.Ingest.Csv;

/// <summary>Unit of a CSV speed column.</summary>
public enum CsvSpeedUnit
{
    /// <summary>m/s.</summary>
    MetersPerSecond,

    /// <summary>km/h.</summary>
    KilometresPerHour,

    /// <summary>mph.</summary>
    MilesPerHour,
}
