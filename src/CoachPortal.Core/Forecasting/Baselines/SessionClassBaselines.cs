using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Core.Sessions;
using CoachPortal.Learning.Baselines;

namespace CoachPortal.Core.Forecasting.Baselines;

/// <summary>
/// What the session CNN is compared with on the same test sessions: the training part's most frequent class, and a
/// one-vs-rest logistic regression on three summary values (intensity factor, mean heart rate over threshold, duration
/// in hours), each filled with its training median when missing. Metrics are accuracy and macro-F1 (the unweighted
/// mean of per-class F1, van Rijsbergen 1979); the compared error is 1 − macro-F1, lower is better.
/// </summary>
public static class SessionClassBaselines
{
    /// <summary>Name of the compared metric.</summary>
    public const string MetricName = "1 - macro-f1";

    public const string Majority = "majority class";

    public const string Logistic = "logistic summary";

    /// <summary>Every baseline's class for each test session, keyed by baseline name.</summary>
    public static Dictionary<string, int[]> Predict(SessionClassDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var train = data.Samples.Take(data.TrainCount).ToList();
        var test = data.Samples.Skip(data.TrainCount).ToList();
        var classes = SessionClassLabels.All.Count;
        var majority = train.Count == 0 ? 0 : train.GroupBy(s => s.Label).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var x = train.Select(Summary).ToList();
        var fill = Enumerable.Range(0, 3).Select(j => Median(x.Select(r => r[j]))).ToArray();
        var filled = x.Select(r => Filled(r, fill)).ToList();
        var models = Enumerable.Range(0, classes)
            .Select(k => train.Any(s => s.Label == k) ? LogisticRegression.Fit(filled, [.. train.Select(s => s.Label == k ? 1.0 : 0.0)]) : null)
            .ToArray();
        return new Dictionary<string, int[]>(StringComparer.Ordinal)
        {
            [Majority] = [.. test.Select(_ => majority)],
            [Logistic] = [.. test.Select(s =>
            {
                var input = Filled(Summary(s), fill);
                var best = majority;
                var bestP = double.NegativeInfinity;
                for (var k = 0; k < classes; k++)
                {
                    if (models[k]?.Predict(input) is { } p && p > bestP)
                    {
                        (best, bestP) = (k, p);
                    }
                }

                return best;
            })],
        };
    }

    /// <summary>Accuracy, macro-F1 over the classes that occur in either list, and the compared error (1 − macro-F1).</summary>
    public static MetricSet Score(string name, IReadOnlyList<int> predicted, IReadOnlyList<int> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        var n = Math.Min(predicted.Count, actual.Count);
        var accuracy = n == 0 ? 0 : Enumerable.Range(0, n).Count(i => predicted[i] == actual[i]) / (double)n;
        var seen = predicted.Take(n).Concat(actual.Take(n)).Distinct().ToList();
        var f1s = seen.Select(k =>
        {
            var tp = Enumerable.Range(0, n).Count(i => predicted[i] == k && actual[i] == k);
            var fp = Enumerable.Range(0, n).Count(i => predicted[i] == k && actual[i] != k);
            var fn = Enumerable.Range(0, n).Count(i => predicted[i] != k && actual[i] == k);
            return tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
        });
        var macroF1 = f1s.DefaultIfEmpty().Average();
        return new MetricSet(name, 1 - macroF1, new Dictionary<string, double>
        {
            ["accuracy"] = Math.Round(accuracy, 4),
            ["macroF1"] = Math.Round(macroF1, 4),
        });
    }

    /// <summary>[actual class][predicted class] counts.</summary>
    public static int[][] Confusion(IReadOnlyList<int> predicted, IReadOnlyList<int> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        var k = SessionClassLabels.All.Count;
        var matrix = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        for (var i = 0; i < Math.Min(predicted.Count, actual.Count); i++)
        {
            matrix[actual[i]][predicted[i]]++;
        }

        return matrix;
    }

    private static double[] Summary(SessionClassSample s) =>
        [s.IntensityFactor ?? double.NaN, s.MeanHeartRateFraction, s.DurationSeconds / 3600.0];

    private static double[] Filled(double[] x, double[] fill) => [.. x.Select((v, j) => double.IsFinite(v) ? v : fill[j])];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
