namespace CoachPortal.Analytics.Sessions;

/// <summary>Biological sex, used only where a formula has sex-specific constants (Banister TRIMP).</summary>
public enum Sex
{
    /// <summary>Not recorded; formulas fall back to the male constants and say so in their docs.</summary>
    Unspecified = 0,

    /// <summary>Male.</summary>
    Male = 1,

    /// <summary>Female.</summary>
    Female = 2,
}
