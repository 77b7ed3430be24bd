namespace CoachPortal.Learning.Simulation;

/// <summary>Ready-made training datasets from simulated athletes and sessions, in the shapes <see cref="ForecastTrainer"/> takes.</summary>
public static class SimulatedDatasets
{
    /// <summary>Daily features per step, in order: load, wellness, acute:chronic ratio, observed performance.</summary>
    public static IReadOnlyList<string> DailyFeatureNames { get; } = ["load", "wellness", "acwr", "observed_performance"];

    /// <summary>
    /// Windows of <paramref name="windowDays"/> days → the true (Banister) performance <paramref name="horizonDays"/>
    /// days after the window. Samples are ordered by the window's last day, so the validation split is the latest period.
    /// </summary>
    public static TrainingDataset PerformanceForecast(IReadOnlyList<SimulatedAthlete> athletes, int windowDays, int horizonDays, int stride = 1)
    {
        ArgumentNullException.ThrowIfNull(athletes);
        return Windows(athletes, windowDays, horizonDays, stride, (days, end) => (float)days[end + horizonDays].Performance);
    }

    /// <summary>Windows of <paramref name="windowDays"/> days → 1 when an injury begins within the next <paramref name="withinDays"/> days.</summary>
    public static TrainingDataset InjuryRisk(IReadOnlyList<SimulatedAthlete> athletes, int windowDays, int withinDays = 7, int stride = 1)
    {
        ArgumentNullException.ThrowIfNull(athletes);
        return Windows(athletes, windowDays, withinDays, stride, (days, end) =>
        {
            for (int d = end + 1; d <= end + withinDays; d++)
            {
                if (days[d].InjuryOnset)
                {
                    return 1f;
                }
            }

            return 0f;
        });
    }

    /// <summary><paramref name="count"/> sessions with classes in rotation: features [session, sample, channel], targets the class index, channel masks.</summary>
    public static TrainingDataset SessionClasses(int count, ulong seed, int length = 120, double missingChannelProbability = 0.2)
    {
        var classes = Enum.GetValues<SessionClass>();
        var features = new float[count, length, 4];
        var masks = new float[count, 4];
        var targets = new float[count];
        for (int i = 0; i < count; i++)
        {
            var session = AthleteSimulator.SimulateSession(classes[i % classes.Length], seed * 1_000_003UL + (ulong)i, length, missingChannelProbability);
            targets[i] = (float)session.Class;
            for (int c = 0; c < 4; c++)
            {
                masks[i, c] = session.Present[c] ? 1f : 0f;
                for (int t = 0; t < length; t++)
                {
                    features[i, t, c] = session.Channels[c][t];
                }
            }
        }

        return new TrainingDataset(features, targets, masks) { FeatureNames = SimulatedSession.ChannelNames };
    }

    private static TrainingDataset Windows(IReadOnlyList<SimulatedAthlete> athletes, int windowDays, int horizonDays, int stride, Func<IReadOnlyList<DailyRecord>, int, float> target)
    {
        var samples = new List<(int End, SimulatedAthlete Athlete)>();
        foreach (var athlete in athletes)
        {
            for (int end = windowDays - 1; end + horizonDays < athlete.Days.Count; end += stride)
            {
                samples.Add((end, athlete));
            }
        }

        samples.Sort((a, b) => a.End.CompareTo(b.End));
        int features = DailyFeatureNames.Count;
        var x = new float[samples.Count, windowDays, features];
        var y = new float[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            var (end, athlete) = samples[i];
            for (int t = 0; t < windowDays; t++)
            {
                var day = athlete.Days[end - windowDays + 1 + t];
                x[i, t, 0] = (float)day.Load;
                x[i, t, 1] = (float)day.Wellness;
                x[i, t, 2] = (float)day.AcuteChronicRatio;
                x[i, t, 3] = (float)day.ObservedPerformance;
            }

            y[i] = target(athlete.Days, end);
        }

        int lastDay = samples.Count > 0 ? samples[^1].End : 0;
        return new TrainingDataset(x, y) { FeatureNames = DailyFeatureNames, DataSpan = $"simulated days 0-{lastDay + horizonDays}" };
    }
}
