using System.Globalization;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Learning.Evaluation;

/// <summary>
/// When a model may replace the classical science. A forecast is promotable only when its MAE ratio to the best
/// baseline on the held-out period is below 1 with the upper end of a 95 % percentile bootstrap interval below 1 as
/// well; a risk model only when the AUC's interval lies above 0.5 and its Brier skill against the base rate is
/// positive. Athletes, not days, are resampled (Efron and Tibshirani, 1993): days of one athlete are correlated, and
/// the question is whether the model helps the next athlete. Deterministic for a given input.
/// </summary>
public static class PromotionRule
{
    /// <summary>Bootstrap resamples.</summary>
    public const int Resamples = 2000;

    /// <summary>Fewest held-out events a risk model is judged on.</summary>
    public const int MinEvents = 10;

    /// <summary>Fewest athletes an interval over athletes is computed from.</summary>
    public const int MinAthletes = 3;

    private const ulong Seed = 20200301;

    /// <summary>Judges a forecast against its best baseline.</summary>
    public static PromotionDecision JudgeForecast(IReadOnlyList<ForecastOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var groups = outcomes.GroupBy(o => o.Athlete, StringComparer.Ordinal)
            .Select(g => (Model: g.Sum(o => Math.Abs(o.Model - o.Actual)), Baseline: g.Sum(o => Math.Abs(o.Baseline - o.Actual))))
            .ToArray();
        if (groups.Length < MinAthletes || outcomes.Count == 0)
        {
            return new PromotionDecision(PromotionVerdict.NotEnoughEvidence, double.NaN, double.NaN, double.NaN, outcomes.Count, groups.Length,
                $"{groups.Length} athletes in the test period; at least {MinAthletes} are needed to judge");
        }

        static double Ratio(IEnumerable<(double Model, double Baseline)> g)
        {
            double m = 0, b = 0;
            foreach (var x in g)
            {
                m += x.Model;
                b += x.Baseline;
            }

            return b > 0 ? m / b : m > 0 ? double.PositiveInfinity : 1;
        }

        var estimate = Ratio(groups);
        var (low, high) = Interval(groups, Ratio);
        var verdict = estimate < 1 && high < 1 ? PromotionVerdict.Promotable : PromotionVerdict.NotBetter;
        var reason = verdict == PromotionVerdict.Promotable
            ? $"MAE {Percent(1 - estimate)} below the best baseline (95 % interval of the ratio {F(low)}–{F(high)})"
            : $"MAE ratio {F(estimate)} (95 % interval {F(low)}–{F(high)}) does not stay below 1";
        return new PromotionDecision(verdict, estimate, low, high, outcomes.Count, groups.Length, reason);
    }

    /// <summary>
    /// Judges a classifier against its best baseline on the ratio of error rates (the MAE of 0/1 predictions), with
    /// the forecast's rule: below 1 with the upper end of the athlete-bootstrap interval below 1 as well.
    /// </summary>
    public static PromotionDecision JudgeClassifier(IReadOnlyList<ClassificationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var decision = JudgeForecast(outcomes.Select(o => new ForecastOutcome(o.Athlete, o.Actual ? 1 : 0, o.Model ? 1 : 0, o.Baseline ? 1 : 0)).ToArray());
        var reason = decision.Verdict switch
        {
            PromotionVerdict.Promotable => $"errors {Percent(1 - decision.Estimate)} fewer than the best baseline's (95 % interval of the ratio {F(decision.Low)}–{F(decision.High)})",
            PromotionVerdict.NotBetter => $"error ratio {F(decision.Estimate)} to the best baseline (95 % interval {F(decision.Low)}–{F(decision.High)}) does not stay below 1",
            _ => decision.Reason,
        };
        return decision with { Reason = reason };
    }

    /// <summary>Judges a risk model on discrimination (AUC) and calibration against the base rate (Brier skill).</summary>
    public static PromotionDecision JudgeRisk(IReadOnlyList<RiskOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var events = outcomes.Count(o => o.Event);
        var groups = outcomes.GroupBy(o => o.Athlete, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var brierModel = outcomes.Count == 0 ? double.NaN : outcomes.Average(o => Square(o.Probability - (o.Event ? 1 : 0)));
        var brierBase = outcomes.Count == 0 ? double.NaN : outcomes.Average(o => Square(o.BaseRate - (o.Event ? 1 : 0)));
        var skill = brierBase > 0 ? 1 - (brierModel / brierBase) : double.NaN;
        var auc = Auc(outcomes);
        var eventAthletes = groups.Count(g => g.Any(o => o.Event));
        if (events < MinEvents || eventAthletes < 2 || events == outcomes.Count || groups.Length < MinAthletes)
        {
            return new PromotionDecision(PromotionVerdict.NotEnoughEvidence, auc, double.NaN, double.NaN, events, groups.Length,
                $"not enough events to judge: {events} held-out event days in {eventAthletes} athletes (need {MinEvents} in 2 or more)")
            { BrierSkill = skill };
        }

        var (low, high) = Interval(groups, g => Auc([.. g.SelectMany(x => x)]));
        var verdict = low > 0.5 && skill > 0 ? PromotionVerdict.Promotable : PromotionVerdict.NotBetter;
        var reason = verdict == PromotionVerdict.Promotable
            ? $"AUC {F(auc)} (95 % interval {F(low)}–{F(high)}) and Brier skill {F(skill)} over the base rate"
            : $"AUC {F(auc)} (95 % interval {F(low)}–{F(high)}), Brier skill {F(skill)}: needs the interval above 0.5 and a positive skill";
        return new PromotionDecision(verdict, auc, low, high, events, groups.Length, reason) { BrierSkill = skill };
    }

    /// <summary>Area under the ROC curve (Mann–Whitney, ties count half); NaN without both classes.</summary>
    public static double Auc(IReadOnlyList<RiskOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var ranked = outcomes.OrderBy(o => o.Probability).ToArray();
        double positives = ranked.Count(o => o.Event), negatives = ranked.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < ranked.Length;)
        {
            var j = i;
            while (j < ranked.Length && ranked[j].Probability == ranked[i].Probability)
            {
                j++;
            }

            var averageRank = (i + j + 1) / 2.0;
            rankSum += ranked[i..j].Count(o => o.Event) * averageRank;
            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Percentile bootstrap 95 % interval of <paramref name="statistic"/> over resampled groups.</summary>
    public static (double Low, double High) Interval<T>(IReadOnlyList<T> groups, Func<IEnumerable<T>, double> statistic)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(statistic);
        var random = new DeterministicRandom(Seed);
        var values = new List<double>(Resamples);
        var sample = new T[groups.Count];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = groups[random.NextInt(groups.Count)];
            }

            var v = statistic(sample);
            if (!double.IsNaN(v))
            {
                values.Add(v);
            }
        }

        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        values.Sort();
        return (values[(int)(0.025 * (values.Count - 1))], values[(int)Math.Ceiling(0.975 * (values.Count - 1))]);
    }

    private static double Square(double x) => x * x;

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(double x) => x.ToString("0.0 %", CultureInfo.InvariantCulture);
}
