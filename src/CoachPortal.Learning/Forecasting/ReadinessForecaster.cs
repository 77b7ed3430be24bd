using System.Diagnostics;

namespace CoachPortal.Learning.Forecasting;

/// <summary>
/// Trains the next-day readiness forecaster. Readiness is reported in whole points and judged by absolute error, whose
/// best forecast is the median of the next report's distribution; so a small GRU, pooled over the club's athletes,
/// classifies the next report's change from the rounded EWMA of readiness (the strongest classical forecast on real
/// athletes), and the forecast is the median of the ensemble's averaged distribution, its band two outer quantiles.
/// Time-series cross-validation inside the training period decides whether the network, the rounded EWMA or the EWMA
/// itself is used, so a network that does not help is not used.
/// </summary>
public static class ReadinessForecaster
{
    /// <summary>Fewest training samples the forecaster accepts.</summary>
    public const int MinSamples = 60;

    // the first fold is fitted on the earliest 55 % of the training samples; the folds then validate on the rest in turn
    private const double FirstFoldShare = 0.55;

    /// <summary>
    /// Trains on the samples whose target day is before <paramref name="trainDays"/>(athlete) in each series; nothing
    /// at or after it is read, so the rest can be a held-out test period.
    /// </summary>
    /// <exception cref="LearningException">fewer than <see cref="MinSamples"/> samples, or unknown inputs</exception>
    public static ReadinessModel Train(
        IReadOnlyList<WellnessSeries> series,
        Func<WellnessSeries, int> trainDays,
        ReadinessForecasterSettings? settings = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(trainDays);
        settings ??= new ReadinessForecasterSettings();
        var clock = Stopwatch.StartNew();
        var priors = ReadinessFeatures.Priors(series, trainDays);
        var samples = Samples(series, trainDays);
        if (samples.Count < MinSamples)
        {
            throw new LearningException($"{samples.Count} readiness samples are too few (need {MinSamples})");
        }

        var layout = new ReadinessInputs(settings.Inputs, settings.WindowDays, settings.MaxChange, priors);
        var (features, ewma) = layout.Build(samples);
        var actual = samples.Select(x => x.Series[WellnessChannel.Readiness][x.Day + 1]).ToArray();
        var classes = actual.Select((a, i) => (float)layout.ClassOf(a, ewma[i])).ToArray();

        // expanding-window folds: fit on everything before a cut, validate on the next block
        var validation = new List<(double Ewma, double Median, double Actual)>();
        for (var k = 0; k < settings.Folds; k++)
        {
            var cut = (int)(samples.Count * (FirstFoldShare + ((1 - FirstFoldShare) * k / settings.Folds)));
            var end = (int)(samples.Count * (FirstFoldShare + ((1 - FirstFoldShare) * (k + 1) / settings.Folds)));
            var members = Fit(features, classes, cut, layout, settings, settings.Seed + (100 * ((ulong)k + 1)), null, cancellationToken);
            using var fold = new ReadinessModel(members, layout, ForecastMode.Network, settings.BandLow, settings.BandHigh, null!);
            var scored = fold.Score(ReadinessFeatureSlice.Rows(features, cut, end), ewma[cut..end]);
            for (var i = cut; i < end; i++)
            {
                validation.Add((ewma[i], scored[i - cut].Point, actual[i]));
            }
        }

        var ewmaMae = validation.Average(v => Math.Abs(v.Ewma - v.Actual));
        var roundedMae = validation.Average(v => Math.Abs(Math.Round(v.Ewma) - v.Actual));
        var networkMae = validation.Average(v => Math.Abs(v.Median - v.Actual));
        var mode = networkMae < Math.Min(ewmaMae, roundedMae) ? ForecastMode.Network : roundedMae < ewmaMae ? ForecastMode.RoundedEwma : ForecastMode.Ewma;
        var report = new CrossValidationReport(settings.Folds, validation.Count, mode, ewmaMae, roundedMae, networkMae);

        var final = Fit(features, classes, samples.Count, layout, settings, settings.Seed, progress, cancellationToken);
        var first = samples[0];
        var last = samples[^1];
        return new ReadinessModel(final, layout, mode, settings.BandLow, settings.BandHigh, report)
        {
            TrainingSamples = samples.Count,
            TrainingDuration = clock.Elapsed,
            DataSpan = $"{first.Series.DateOf(first.Day + 1):yyyy-MM-dd}/{last.Series.DateOf(last.Day + 1):yyyy-MM-dd}",
        };
    }

    /// <summary>
    /// Forecast days of a series: each day D with readiness known on D + 1, D + 1 before <paramref name="endDay"/>, and a
    /// report on or before D (so the EWMA exists), in date order over all series.
    /// </summary>
    public static List<(WellnessSeries Series, int Day)> Samples(IEnumerable<WellnessSeries> series, Func<WellnessSeries, int> endDay)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(endDay);
        var result = new List<(WellnessSeries Series, int Day)>();
        foreach (var s in series)
        {
            var readiness = s[WellnessChannel.Readiness];
            var seen = false;
            for (var d = 0; d + 1 < Math.Min(endDay(s), s.Days); d++)
            {
                seen |= !double.IsNaN(readiness[d]);
                if (seen && !double.IsNaN(readiness[d + 1]))
                {
                    result.Add((s, d));
                }
            }
        }

        return [.. result.OrderBy(x => x.Series.DateOf(x.Day)).ThenBy(x => x.Series.Athlete, StringComparer.Ordinal)];
    }

    private static List<byte[]> Fit(float[,,] features, float[] classes, int count, ReadinessInputs layout, ReadinessForecasterSettings settings, ulong seed, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        var data = new TrainingDataset(ReadinessFeatureSlice.Rows(features, 0, count), classes[..count]) { FeatureNames = layout.Names };
        var members = new List<byte[]>();
        for (var s = 0; s < settings.Seeds; s++)
        {
            var options = new TrainingOptions
            {
                Loss = LossKind.CategoricalCrossEntropy,
                ClassCount = layout.Classes,
                HiddenSize = settings.HiddenSize,
                Epochs = settings.Epochs,
                Patience = settings.Patience,
                BatchSize = settings.BatchSize,
                LearningRate = settings.LearningRate,
                WeightDecay = settings.WeightDecay,
                Dropout = settings.Dropout,
                Device = settings.Device,
                IntraOpThreads = settings.IntraOpThreads,
                Seed = seed + (ulong)s,
            };
            members.Add(ForecastTrainer.Train(ModelKind.GruForecaster, data, options, s == 0 ? progress : null, ct).OnnxBytes);
        }

        return members;
    }
}
