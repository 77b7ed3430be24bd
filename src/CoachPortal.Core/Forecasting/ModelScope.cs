namespace CoachPortal.Core.Forecasting;

/// <summary>Whose data a model learns from and whom it scores.</summary>
public enum ModelScope
{
    /// <summary>One team's athletes.</summary>
    Team,

    /// <summary>Every athlete of the club (administrators only).</summary>
    Club,
}
