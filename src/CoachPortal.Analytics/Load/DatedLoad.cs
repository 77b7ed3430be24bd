namespace CoachPortal.Analytics.Load;

/// <summary>A load on the athlete's local calendar day.</summary>
/// <param name="Date">The athlete's local date of the session start.</param>
/// <param name="Load">The load in the primary metric.</param>
public readonly record struct DatedLoad(DateOnly Date, double Load);
