namespace CoachPortal.Learning.Evaluation;

/// <summary>
/// A promotion decision and its evidence. For a forecast, <see cref="Estimate"/> is the model's MAE over the
/// baseline's (below 1 is better); for a risk model it is the AUC (above 0.5 discriminates).
/// </summary>
/// <param name="Verdict">the decision</param>
/// <param name="Estimate">the statistic on the whole held-out period</param>
/// <param name="Low">lower end of its bootstrap 95 % interval (athletes resampled)</param>
/// <param name="High">upper end</param>
/// <param name="Events">held-out events (risk) or samples (forecast)</param>
/// <param name="Athletes">athletes in the held-out period</param>
/// <param name="Reason">one sentence for the registry page</param>
public sealed record PromotionDecision(PromotionVerdict Verdict, double Estimate, double Low, double High, int Events, int Athletes, string Reason)
{
    /// <summary>Brier skill score against the base rate (risk models only; NaN otherwise).</summary>
    public double BrierSkill { get; init; } = double.NaN;

    /// <summary>The verdict is <see cref="PromotionVerdict.Promotable"/>.</summary>
    public bool IsPromotable => Verdict == PromotionVerdict.Promotable;
}
