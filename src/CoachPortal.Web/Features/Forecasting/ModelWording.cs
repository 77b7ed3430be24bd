using System.Globalization;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Learning.Evaluation;

namespace CoachPortal.Web.Features.Forecasting;

/// <summary>
/// A model version's test results as a coach reads them: the error in the target's own units next to the best
/// simple baseline, by its everyday name, instead of metric names and loss values.
/// </summary>
public static class ModelWording
{
    private static readonly CultureInfo s_format = CultureInfo.InvariantCulture;

    public static string Baseline(string name) => name switch
    {
        "ewma" => "the recent average",
        "persistence" => "repeating the last value",
        "banister" => "the fitness–fatigue model",
        "base rate" => "the team's base rate",
        "logistic acwr+monotony" => "a simple load-ratio rule",
        SessionClassBaselines.Majority => "always guessing the most common class",
        SessionClassBaselines.Logistic => "a simple rule on session summaries",
        "logistic regression on joint angles" => "a simple rule on joint angles",
        _ => name,
    };

    /// <summary>"typical error 0.80 points vs 0.87 for the recent average", or its risk and class equivalents.</summary>
    public static string Result(ModelVersionView version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var baseline = Baseline(version.BestBaselineName);
        return version.Target switch
        {
            ForecastTarget.Technique => string.Create(s_format,
                $"right on {Percent(1 - version.TestError)} of held-out athletes' labelled frames vs {Percent(1 - version.BestBaselineError)} for {baseline}"),
            ForecastTarget.SessionClass => string.Create(s_format,
                $"classifies {Percent(1 - version.TestError)} of sessions well (macro-F1) vs {Percent(1 - version.BestBaselineError)} for {baseline}"),
            ForecastTarget.InjuryRisk => string.Create(s_format,
                $"risk forecasts off by {version.TestError:0.000} on average (Brier score) vs {version.BestBaselineError:0.000} for {baseline}"),
            ForecastTarget.Performance => string.Create(s_format,
                $"typical error {version.TestError:0.00} index points vs {version.BestBaselineError:0.00} for {baseline}"),
            _ => string.Create(s_format, $"typical error {version.TestError:0.00} points vs {version.BestBaselineError:0.00} for {baseline}"),
        };
    }

    /// <summary>What the interval rule concluded, in words.</summary>
    public static string Verdict(ModelVersionView version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var baseline = Baseline(version.BestBaselineName);
        return version.Promotion switch
        {
            null => "not judged by the interval rule",
            { Verdict: PromotionVerdict.NotEnoughEvidence } p =>
                $"too little test data to judge ({p.Events} {(version.Target == ForecastTarget.InjuryRisk ? "event days" : "samples")}, {p.Athletes} athletes)",
            { } p when version.Target == ForecastTarget.InjuryRisk => string.Create(s_format,
                $"ranks risky days right {Percent(p.Estimate)} of the time (95 % sure: {Percent(p.Low)}–{Percent(p.High)}); {(p.IsPromotable ? "better than" : "not shown better than")} {baseline}"),
            { } p => $"{Change(p.Estimate)} than {baseline} (95 % sure: {Range(p.Low, p.High)}){(p.IsPromotable ? "" : ": not shown better")}",
        };
    }

    /// <summary>Where covering a clip's pose hurt a technique prediction most, relative to the labelled frame.</summary>
    public static string OcclusionPeak(int frameOffset) => frameOffset switch
    {
        0 => "the labelled frame itself",
        < 0 => string.Create(s_format, $"{-frameOffset} frames before the labelled one"),
        _ => string.Create(s_format, $"{frameOffset} frames after the labelled one"),
    };

    // An error ratio (model / baseline) as "12 % smaller errors" or "5 % larger errors".
    private static string Change(double ratio) => ratio <= 1
        ? string.Create(s_format, $"{(1 - ratio) * 100:0} % smaller errors")
        : string.Create(s_format, $"{(ratio - 1) * 100:0} % larger errors");

    // A 95 % interval of error ratios as "3–12 % smaller", "2–9 % larger" or "from 4 % smaller to 6 % larger".
    private static string Range(double low, double high) =>
        high <= 1 ? string.Create(s_format, $"{(1 - high) * 100:0}–{(1 - low) * 100:0} % smaller")
        : low >= 1 ? string.Create(s_format, $"{(low - 1) * 100:0}–{(high - 1) * 100:0} % larger")
        : string.Create(s_format, $"from {(1 - low) * 100:0} % smaller to {(high - 1) * 100:0} % larger");

    private static string Percent(double fraction) => string.Create(s_format, $"{fraction * 100:0} %");
}
