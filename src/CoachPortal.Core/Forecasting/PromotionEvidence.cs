using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Learning.Evaluation;

namespace CoachPortal.Core.Forecasting;

/// <summary>
/// The registry's promotion decision for a version, made once by the training job with <see cref="PromotionRule"/>
/// on the test period and kept in the version's metrics (<see cref="Results.ModelMetrics.Promotion"/>), so the page shows the same
/// evidence the promotion is decided on. A version without it (registered before the rule) counts as not judged.
/// </summary>
public static class PromotionEvidence
{
    /// <summary>Judges the test period: forecasts against the best baseline, injury risk on discrimination and Brier skill.</summary>
    public static PromotionDecision Judge(ForecastTarget target, IReadOnlyList<ForecastSample> test, IReadOnlyList<double> predicted, IReadOnlyList<double> bestBaseline, double baseRate)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(bestBaseline);
        static string Athlete(ForecastSample s) => s.History.AthleteId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return target == ForecastTarget.InjuryRisk
            ? PromotionRule.JudgeRisk([.. test.Select((s, i) => new RiskOutcome(Athlete(s), s.Target >= 0.5, predicted[i], baseRate))])
            : PromotionRule.JudgeForecast([.. test.Select((s, i) => new ForecastOutcome(Athlete(s), s.Target, predicted[i], bestBaseline[i]))]);
    }
}
