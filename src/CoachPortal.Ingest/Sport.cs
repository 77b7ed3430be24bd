namespace CoachPortal.Ingest;

/// <summary>Sport, numbered as the FIT profile's <c>sport</c> type so FIT values pass through unchanged.</summary>
public enum Sport : byte
{
    /// <summary>Generic or unknown.</summary>
    Generic = 0,

    /// <summary>Running.</summary>
    Running = 1,

    /// <summary>Cycling.</summary>
    Cycling = 2,

    /// <summary>Transition between multisport legs.</summary>
    Transition = 3,

    /// <summary>Fitness equipment (rower, elliptical…).</summary>
    FitnessEquipment = 4,

    /// <summary>Swimming.</summary>
    Swimming = 5,

    /// <summary>Soccer.</summary>
    Soccer = 7,

    /// <summary>Training (strength, cardio).</summary>
    Training = 10,

    /// <summary>Walking.</summary>
    Walking = 11,

    /// <summary>Cross-country skiing.</summary>
    CrossCountrySkiing = 12,

    /// <summary>Alpine skiing.</summary>
    AlpineSkiing = 13,

    /// <summary>Rowing.</summary>
    Rowing = 15,

    /// <summary>Mountaineering.</summary>
    Mountaineering = 16,

    /// <summary>Hiking.</summary>
    Hiking = 17,

    /// <summary>Multisport parent.</summary>
    Multisport = 18,

    /// <summary>Paddling.</summary>
    Paddling = 19,

    /// <summary>E-biking.</summary>
    EBiking = 21,
}
