namespace CoachPortal.Core.Plans.Templates;

/// <summary>How much the target event matters: A races are peaked for, C races are trained through.</summary>
public enum EventPriority
{
    A = 0,
    B = 1,
    C = 2,
}
