namespace CoachPortal.Ingest.Archives;

/// <summary>How an export of a whole training history is laid out.</summary>
public enum ExportLayout
{
    /// <summary>Neither layout below.</summary>
    Unknown,

    /// <summary>Strava's "Download your data": <c>activities.csv</c> and the files under <c>activities/</c>.</summary>
    Strava,

    /// <summary>Garmin Connect's data export: zips of the uploaded FIT files (<c>DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_*.zip</c>).</summary>
    Garmin,
}
