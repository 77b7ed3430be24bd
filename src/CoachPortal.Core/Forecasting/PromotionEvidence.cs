using System.Text.Json;
using System.Text.Json.Nodes;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Learning.Evaluation;

namespace CoachPortal.Core.Forecasting;

/// <summary>
/// The registry's promotion decision for a version, made once by the training job with <see cref="PromotionRule"/>
/// on the test period and kept in the version's metrics (<c>MetricsJson.promotion</c>), so the page shows the same
/// evidence the promotion is decided on. A version without it (registered before the rule) counts as not judged.
/// </summary>
public static class PromotionEvidence
{
    private const string Key = "promotion";

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

    /// <summary>The decision as a JSON object for the version's metrics.</summary>
    public static object ToJson(PromotionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        static double? N(double x) => double.IsFinite(x) ? Math.Round(x, 4) : null;
        return new
        {
            verdict = decision.Verdict.ToString(),
            estimate = N(decision.Estimate),
            low = N(decision.Low),
            high = N(decision.High),
            events = decision.Events,
            athletes = decision.Athletes,
            brierSkill = N(decision.BrierSkill),
            reason = decision.Reason,
        };
    }

    /// <summary>The decision stored in <paramref name="metricsJson"/>, or null when there is none.</summary>
    public static PromotionDecision? Read(string? metricsJson)
    {
        if (string.IsNullOrWhiteSpace(metricsJson))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(metricsJson) is not JsonObject root || root[Key] is not JsonObject p
                || !Enum.TryParse<PromotionVerdict>(p["verdict"]?.GetValue<string>(), out var verdict))
            {
                return null;
            }

            static double D(JsonNode? n) => n is null ? double.NaN : n.GetValue<double>();
            return new PromotionDecision(verdict, D(p["estimate"]), D(p["low"]), D(p["high"]), p["events"]?.GetValue<int>() ?? 0, p["athletes"]?.GetValue<int>() ?? 0, p["reason"]?.GetValue<string>() ?? "")
            {
                BrierSkill = D(p["brierSkill"]),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
