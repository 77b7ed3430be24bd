namespace CoachPortal.Analytics.Planning;

/// <summary>The limits a personalised plan keeps.</summary>
public sealed record PersonalisationConstraints
{
    /// <summary>Lower edge of the ACWR sweet spot (Gabbett 2016).</summary>
    public const double AcwrLow = 0.8;
    /// <summary>Upper edge of the ACWR sweet spot (Gabbett 2016).</summary>
    public const double AcwrHigh = 1.3;

    /// <summary>Largest weekly CTL rise allowed, in TSS per day per week.</summary>
    public double MaxRampPerWeek { get; init; } = 6;

    /// <summary>True when the coach accepts weeks outside the ACWR sweet spot.</summary>
    public bool OverrideAcwr { get; init; }

    /// <summary>Largest share of a week's time spent above threshold (0–1).</summary>
    public double MaxHighIntensityShare { get; init; } = 0.25;

    /// <summary>Days the athlete can train, bit 0 = Monday … bit 6 = Sunday.</summary>
    public int AvailableDaysMask { get; init; } = 0x7F;

    /// <summary>Longest session the athlete has time for, in minutes; null for no limit.</summary>
    public int? MaxMinutesPerDay { get; init; }

    /// <summary>The event's day: no training is planned on it and the days before it hold no long session. Null for none.</summary>
    public DateOnly? EventDate { get; init; }
}
