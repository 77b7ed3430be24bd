namespace CoachPortal.Ingest;

/// <summary>The file formats <see cref="ActivityDecoder"/> recognises.</summary>
public enum ActivityFileFormat
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>Garmin FIT binary protocol.</summary>
    Fit,

    /// <summary>Garmin TrainingCenterDatabase v2 XML.</summary>
    Tcx,

    /// <summary>GPS Exchange Format 1.0 or 1.1.</summary>
    Gpx,

    /// <summary>Delimited text with a header row, read through a <see cref="Csv.CsvColumnMapping"/>.</summary>
    Csv,

    /// <summary>A zip archive of any of the other formats.</summary>
    Zip,

    /// <summary>One gzip-compressed FIT, TCX, GPX or CSV file; decoded results carry the inner format.</summary>
    Gzip,
}
