namespace CoachPortal.Core.Users;

/// <summary>How a user reads distances, paces, speeds and heights: metres and kilometres, or feet and miles.</summary>
public enum UnitSystem
{
    Metric = 0,
    Imperial = 1,
}
