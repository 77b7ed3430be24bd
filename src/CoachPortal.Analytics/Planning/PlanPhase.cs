namespace CoachPortal.Analytics.Planning;

/// <summary>Periodisation phase of a block of weeks.</summary>
public enum PlanPhase
{
    /// <summary>Aerobic base: volume before intensity.</summary>
    Base = 0,
    /// <summary>Build: rising intensity.</summary>
    Build = 1,
    /// <summary>Peak: race-specific work.</summary>
    Peak = 2,
    /// <summary>Taper: less volume before the event.</summary>
    Taper = 3,
    /// <summary>Recovery: an easy block.</summary>
    Recovery = 4,
}
