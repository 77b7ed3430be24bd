using CoachPortal.Learning;

namespace CoachPortal.Core.Forecasting.Datasets;

/// <summary>
/// Samples in date order with a chronological split: the engine gets the earlier part (and validates on its last
/// share), the test part (the latest days) is scored afterwards against the baselines.
/// </summary>
public sealed class ForecastDataset
{
    /// <summary>Share of samples, by date, kept for the test period.</summary>
    public const double TestFraction = 0.2;

    private ForecastDataset(IReadOnlyList<ForecastSample> samples, float[,,] features, float[,] mask, int trainCount)
    {
        Samples = samples;
        Features = features;
        Mask = mask;
        TrainCount = trainCount;
    }

    public IReadOnlyList<ForecastSample> Samples { get; }

    public float[,,] Features { get; }

    public float[,] Mask { get; }

    /// <summary>Samples before the test period (training and validation).</summary>
    public int TrainCount { get; }

    public int TestCount => Samples.Count - TrainCount;

    public DateOnly TestFrom => TestCount > 0 ? Samples[TrainCount].Date : DateOnly.MaxValue;

    public string DataSpan => Samples.Count == 0 ? "" : $"{Samples[0].Date:yyyy-MM-dd}/{Samples[^1].Date:yyyy-MM-dd}";

    /// <summary>Builds every sample of <paramref name="target"/> whose window fits in the history.</summary>
    public static ForecastDataset Build(IReadOnlyList<AthleteHistory> histories, ForecastTarget target, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var samples = new List<ForecastSample>();
        foreach (var h in histories)
        {
            // An injury label is 0 wherever nobody recorded: only the monitored period tells "no injury" from "no data".
            var (first, last) = target == ForecastTarget.InjuryRisk ? MonitoredPeriod.Of(h) : (0, h.Days - 1);
            for (var d = Math.Max(windowDays - 1, first); d <= last; d++)
            {
                if (ForecastTargets.For(target, h, d) is { } y && HasLoad(h, d))
                {
                    samples.Add(new ForecastSample(h, d, h.DateOf(d), y));
                }
            }
        }

        samples = [.. samples.OrderBy(s => s.Date).ThenBy(s => s.History.AthleteId)];
        var trainCount = samples.Count - (int)Math.Round(samples.Count * TestFraction);
        // keep one day on one side of the split
        while (trainCount > 0 && trainCount < samples.Count && samples[trainCount - 1].Date == samples[trainCount].Date)
        {
            trainCount++;
        }

        var (features, mask) = Windows(samples, windowDays);
        return new ForecastDataset(samples, features, mask, trainCount);
    }

    /// <summary>Windows ending on each sample's day, for scoring.</summary>
    public static (float[,,] Features, float[,] Mask) Windows(IReadOnlyList<ForecastSample> samples, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var features = new float[samples.Count, windowDays, DailyFeatures.Count];
        var mask = new float[samples.Count, DailyFeatures.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            DailyFeatures.Fill(samples[i].History, samples[i].Day, windowDays, features, mask, i);
        }

        return (features, mask);
    }

    /// <summary>
    /// Distinct injury onsets (athlete and day) that label at least one of the first <paramref name="count"/>
    /// samples as positive: the events an injury model can learn from.
    /// </summary>
    public int InjuryEvents(int count)
    {
        var events = new HashSet<(int Athlete, int Day)>();
        foreach (var s in Samples.Take(count).Where(s => s.Target == 1))
        {
            for (var d = s.Day + 1; d <= s.Day + ForecastTargets.InjuryHorizonDays && d < s.History.Days; d++)
            {
                if (s.History.InjuryOnset[d])
                {
                    events.Add((s.History.AthleteId, d));
                }
            }
        }

        return events.Count;
    }

    /// <summary>The part the engine trains and validates on.</summary>
    public TrainingDataset TrainingPart()
    {
        var steps = Features.GetLength(1);
        var count = DailyFeatures.Count;
        var features = new float[TrainCount, steps, count];
        var mask = new float[TrainCount, count];
        Buffer.BlockCopy(Features, 0, features, 0, TrainCount * steps * count * sizeof(float));
        Buffer.BlockCopy(Mask, 0, mask, 0, TrainCount * count * sizeof(float));
        var targets = Samples.Take(TrainCount).Select(s => (float)s.Target).ToArray();
        return new TrainingDataset(features, targets, mask)
        {
            FeatureNames = DailyFeatures.Names,
            DataSpan = $"{Samples[0].Date:yyyy-MM-dd}/{Samples[TrainCount - 1].Date:yyyy-MM-dd}",
        };
    }

    /// <summary>The test part's windows.</summary>
    public (float[,,] Features, float[,] Mask) TestPart() => Windows([.. Samples.Skip(TrainCount)], Features.GetLength(1));

    /// <summary>SHA-256 of features, masks, targets and sample keys, hex.</summary>
    public string Hash()
    {
        using var hash = DatasetHash.Of(Features, Mask);
        foreach (var s in Samples)
        {
            hash.Append(s.History.AthleteId).Append(s.Date.DayNumber).Append(s.Target);
        }

        return hash.ToHex();
    }

    // A day before the first computed load has no training context worth learning from.
    private static bool HasLoad(AthleteHistory h, int day) => !double.IsNaN(h.Channels[DailyFeatures.Load][day]);
}
