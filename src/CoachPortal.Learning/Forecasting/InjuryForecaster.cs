namespace CoachPortal.Learning.Forecasting;

/// <summary>
/// Trains the injury-risk model on the readiness forecaster's inputs: the probability that an injury begins within
/// <see cref="HorizonDays"/> days, from a GRU with cross-entropy, averaged over seeds. The classes are not reweighted:
/// weighting the rare onsets up inflates every probability, and the registry judges calibration (Brier skill) too.
/// Days on which the athlete is already injured are not samples.
/// </summary>
public static class InjuryForecaster
{
    /// <summary>Days ahead within which an onset counts.</summary>
    public const int HorizonDays = 7;

    /// <summary>Risk samples: days D before <paramref name="endDay"/> − horizon with readiness known up to D, in date order.</summary>
    public static List<(WellnessSeries Series, int Day, bool Event)> Samples(IEnumerable<WellnessSeries> series, Func<WellnessSeries, int> startDay, Func<WellnessSeries, int> endDay)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(startDay);
        ArgumentNullException.ThrowIfNull(endDay);
        var result = new List<(WellnessSeries, int, bool)>();
        foreach (var s in series)
        {
            var readiness = s[WellnessChannel.Readiness];
            var seen = false;
            for (var d = 0; d + HorizonDays < Math.Min(endDay(s), s.Days + HorizonDays) && d < s.Days; d++)
            {
                seen |= !double.IsNaN(readiness[d]);
                if (!seen || d < startDay(s) || s.InjuryOnset[d])
                {
                    continue;
                }

                var onset = false;
                for (var k = d + 1; k <= d + HorizonDays && k < s.Days; k++)
                {
                    onset |= s.InjuryOnset[k];
                }

                result.Add((s, d, onset));
            }
        }

        return [.. result.OrderBy(x => x.Item1.DateOf(x.Item2)).ThenBy(x => x.Item1.Athlete, StringComparer.Ordinal)];
    }

    /// <summary>Trains on the samples; returns one ONNX model per seed (average their probabilities).</summary>
    /// <exception cref="LearningException">no positive or no negative sample</exception>
    public static List<byte[]> Train(IReadOnlyList<(WellnessSeries Series, int Day, bool Event)> samples, ChannelPriors priors, ReadinessForecasterSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(priors);
        settings ??= new ReadinessForecasterSettings();
        var positives = samples.Count(s => s.Event);
        if (positives == 0 || positives == samples.Count)
        {
            throw new LearningException("the injury model needs days with and without an onset ahead");
        }

        var features = Features(samples, priors);
        var targets = samples.Select(s => s.Event ? 1f : 0f).ToArray();
        var data = new TrainingDataset(features, targets) { FeatureNames = ReadinessFeatures.Names };
        var members = new List<byte[]>();
        for (var k = 0; k < settings.Seeds; k++)
        {
            var options = new TrainingOptions
            {
                Loss = LossKind.BinaryCrossEntropy,
                HiddenSize = settings.HiddenSize,
                Epochs = settings.Epochs,
                Patience = settings.Patience,
                BatchSize = settings.BatchSize,
                LearningRate = settings.LearningRate,
                WeightDecay = settings.WeightDecay,
                Dropout = settings.Dropout,
                Device = settings.Device,
                IntraOpThreads = settings.IntraOpThreads,
                Seed = settings.Seed + (ulong)k,
            };
            members.Add(ForecastTrainer.Train(ModelKind.GruForecaster, data, options, null, cancellationToken).OnnxBytes);
        }

        return members;
    }

    /// <summary>The windows of the samples.</summary>
    public static float[,,] Features(IReadOnlyList<(WellnessSeries Series, int Day, bool Event)> samples, ChannelPriors priors)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(priors);
        var features = new float[samples.Count, ReadinessFeatures.WindowDays, ReadinessFeatures.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            ReadinessFeatures.Fill(samples[i].Series, samples[i].Day, priors, features, i);
        }

        return features;
    }
}
