namespace CoachPortal.Ingest.Csv;

/// <summary>Unit of a CSV distance column.</summary>
public enum CsvDistanceUnit
{
    /// <summary>Meters.</summary>
    Meters,

    /// <summary>Kilometres.</summary>
    Kilometres,

    /// <summary>Miles.</summary>
    Miles,
}
