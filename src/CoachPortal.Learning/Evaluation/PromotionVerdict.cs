namespace CoachPortal.Learning.Evaluation;

/// <summary>The outcome of <see cref="PromotionRule"/>.</summary>
public enum PromotionVerdict
{
    /// <summary>Better than the reference with the whole 95 % interval on the winning side.</summary>
    Promotable,

    /// <summary>Judged, and not shown to be better.</summary>
    NotBetter,

    /// <summary>Too few held-out events (or athletes) to judge either way.</summary>
    NotEnoughEvidence,
}
