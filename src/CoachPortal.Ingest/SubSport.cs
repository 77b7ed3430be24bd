namespace CoachPortal.Ingest;

/// <summary>Sub-sport, numbered as the FIT profile's <c>sub_sport</c> type (values not named here still pass through).</summary>
public enum SubSport : byte
{
    /// <summary>Generic.</summary>
    Generic = 0,

    /// <summary>Treadmill running.</summary>
    Treadmill = 1,

    /// <summary>Street running.</summary>
    Street = 2,

    /// <summary>Trail running.</summary>
    Trail = 3,

    /// <summary>Track running.</summary>
    Track = 4,

    /// <summary>Spin cycling.</summary>
    Spin = 5,

    /// <summary>Indoor cycling (trainer).</summary>
    IndoorCycling = 6,

    /// <summary>Road cycling.</summary>
    Road = 7,

    /// <summary>Mountain biking.</summary>
    Mountain = 8,

    /// <summary>Indoor rowing.</summary>
    IndoorRowing = 14,

    /// <summary>Lap (pool) swimming.</summary>
    LapSwimming = 17,

    /// <summary>Open-water swimming.</summary>
    OpenWater = 18,

    /// <summary>Virtual activity (e.g. Zwift).</summary>
    VirtualActivity = 58,
}
