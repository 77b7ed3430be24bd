namespace CoachPortal.Core.Load.Performance;

/// <summary>Whether a health problem is an injury or an illness.</summary>
public enum InjuryKind
{
    Injury = 0,
    Illness = 1,
}
