namespace CoachPortal.Core.Plans;

/// <summary>The limits a personalised plan keeps.</summary>
public sealed record PersonalisationConstraints
{
    public const double AcwrLow = 0.8;
    public const double AcwrHigh = 1.3;

    public double MaxRampPerWeek { get; init; } = 6;

    public bool OverrideAcwr { get; init; }

    public double MaxHighIntensityShare { get; init; } = 0.25;

    public int AvailableDaysMask { get; init; } = 0x7F;

    public int? MaxMinutesPerDay { get; init; }
}
