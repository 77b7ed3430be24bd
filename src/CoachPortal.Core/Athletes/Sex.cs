namespace CoachPortal.Core.Athletes;

/// <summary>Biological sex, used only where physiology differs (e.g. Banister TRIMP weighting).</summary>
public enum Sex
{
    Unspecified,
    Female,
    Male,
}
