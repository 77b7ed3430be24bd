namespace CoachPortal.Ingest.Fit;

/// <summary>Names of common values of the FIT profile's <c>manufacturer</c> type.</summary>
internal static class FitManufacturers
{
    public static string? Name(ushort id) => id switch
    {
        1 => "Garmin",
        15 => "Dynastream",
        23 => "Suunto",
        32 => "Wahoo",
        69 => "Stages",
        89 => "Tacx",
        95 => "Stryd",
        260 => "Zwift",
        265 => "Strava",
        267 => "Bryton",
        282 => "The Sufferfest",
        289 => "Hammerhead",
        294 => "COROS",
        307 => "OneLap",
        _ => null,
    };
}
