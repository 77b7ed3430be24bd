namespace CoachPortal.Core.Plans;

/// <summary>Periodisation phase of a block of weeks.</summary>
public enum PlanPhase
{
    Base = 0,
    Build = 1,
    Peak = 2,
    Taper = 3,
    Recovery = 4,
}
