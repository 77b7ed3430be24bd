namespace CoachPortal.Core.Forecasting;

/// <summary>Where a registered model version stands.</summary>
public enum ModelVersionStatus
{
    /// <summary>Registered, not serving.</summary>
    Candidate,

    /// <summary>The version the scoring job uses for its target and scope.</summary>
    Active,

    /// <summary>Was active, replaced or rolled back.</summary>
    Retired,
}
