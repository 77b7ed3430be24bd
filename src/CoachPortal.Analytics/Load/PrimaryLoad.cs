namespace CoachPortal.Analytics.Load;

/// <summary>A session's load in the team's primary metric and the measure it came from.</summary>
/// <param name="Value">Load in the units of the primary metric.</param>
/// <param name="Source">The measure used; converted when it is not the primary metric itself.</param>
public readonly record struct PrimaryLoad(double Value, LoadSource Source);
