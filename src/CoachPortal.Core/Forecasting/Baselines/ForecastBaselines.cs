using CoachPortal.Analytics;
using CoachPortal.Analytics.Forecasting;
using CoachPortal.Analytics.Performance;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Learning.Baselines;

namespace CoachPortal.Core.Forecasting.Baselines;

/// <summary>
/// The classical predictors every model is compared with on the same test samples: persistence, EWMA (Brown 1956),
/// a per-athlete Banister fit (Banister 1975) for the regressions; the training base rate and a logistic regression
/// on ACWR and monotony for injury risk. Each one sees only what was known on the sample's day, like the model.
/// </summary>
public static class ForecastBaselines
{
    private const double EwmaAlpha = 0.3;

    /// <summary>Name of the primary metric for the target (lower is better).</summary>
    public static string MetricName(ForecastTarget target) => target == ForecastTarget.InjuryRisk ? "brier" : "mae";

    public static MetricSet Score(string name, ForecastTarget target, IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        var p = predicted.ToArray();
        var a = actual.ToArray();
        if (target == ForecastTarget.InjuryRisk)
        {
            var brier = p.Zip(a, (x, y) => (x - y) * (x - y)).DefaultIfEmpty().Average();
            var logLoss = p.Zip(a, (x, y) => -((y * Math.Log(Math.Clamp(x, 1e-6, 1))) + ((1 - y) * Math.Log(Math.Clamp(1 - x, 1e-6, 1))))).DefaultIfEmpty().Average();
            return new MetricSet(name, brier, new Dictionary<string, double> { ["brier"] = brier, ["logloss"] = logLoss });
        }

        var mae = ForecastError.MeanAbsolute(p, a);
        var rmse = ForecastError.RootMeanSquare(p, a);
        return new MetricSet(name, mae, new Dictionary<string, double> { ["mae"] = mae, ["rmse"] = rmse });
    }

    /// <summary>Every baseline's predictions for the test samples, keyed by baseline name.</summary>
    public static Dictionary<string, double[]> Predict(ForecastTarget target, ForecastDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var train = data.Samples.Take(data.TrainCount).ToList();
        var test = data.Samples.Skip(data.TrainCount).ToList();
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (target == ForecastTarget.InjuryRisk)
        {
            var rate = train.Count == 0 ? 0 : train.Average(s => s.Target);
            result["base rate"] = [.. test.Select(_ => rate)];
            var x = train.Select(Risks).ToList();
            var fill = new[] { Median(x.Select(r => r[0])), Median(x.Select(r => r[1])) };
            var logistic = LogisticRegression.Fit([.. x.Select(r => Filled(r, fill))], [.. train.Select(s => s.Target)]);
            result["logistic acwr+monotony"] = [.. test.Select(s => logistic.Predict(Filled(Risks(s), fill)))];
            return result;
        }

        var observed = target == ForecastTarget.Readiness ? (Func<AthleteHistory, double[]>)(h => h.Channels[DailyFeatures.Readiness]) : h => h.TestIndex;
        var fallback = train.Count == 0 ? 0 : train.Average(s => s.Target);
        result["persistence"] = [.. test.Select(s => Last(observed(s.History), s.Day) ?? fallback)];
        result["ewma"] = [.. test.Select(s => Ewma(observed(s.History), s.Day) ?? fallback)];

        var banister = new Dictionary<int, double[]?>();
        var trainEnd = data.TestFrom;
        result["banister"] = [.. test.Select(s =>
        {
            if (!banister.TryGetValue(s.History.AthleteId, out var curve))
            {
                banister[s.History.AthleteId] = curve = FitBanister(s.History, observed(s.History), trainEnd);
            }

            return curve is null ? Last(observed(s.History), s.Day) ?? fallback : curve[s.Day];
        })];
        return result;
    }

    private static double[] Risks(ForecastSample s) =>
        [DailyFeatures.Value(s.History, DailyFeatures.Acwr, s.Day), DailyFeatures.Value(s.History, DailyFeatures.Monotony, s.Day)];

    private static double[] Filled(double[] x, double[] fill) => [.. x.Select((v, j) => double.IsNaN(v) ? fill[j] : v)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static double? Last(double[] series, int day)
    {
        for (var d = day; d >= 0; d--)
        {
            if (!double.IsNaN(series[d]))
            {
                return series[d];
            }
        }

        return null;
    }

    private static double? Ewma(double[] series, int day)
    {
        double? level = null;
        for (var d = 0; d <= day; d++)
        {
            if (!double.IsNaN(series[d]))
            {
                level = level is { } l ? (EwmaAlpha * series[d]) + ((1 - EwmaAlpha) * l) : series[d];
            }
        }

        return level;
    }

    // Fitted on the observations before the test period; the curve at day D uses loads up to D only.
    private static double[]? FitBanister(AthleteHistory history, double[] observed, DateOnly trainEnd)
    {
        var loads = history.Channels[DailyFeatures.Load].Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        var last = Math.Min(history.Days, history.IndexOf(trainEnd));
        var observations = new List<PerformanceObservation>();
        for (var d = 0; d < last; d++)
        {
            if (!double.IsNaN(observed[d]))
            {
                observations.Add(new PerformanceObservation(d, observed[d]));
            }
        }

        try
        {
            return BanisterModel.Fit(loads, observations).Parameters.Predict(loads);
        }
        catch (AnalyticsInputException)
        {
            return null;
        }
    }
}
