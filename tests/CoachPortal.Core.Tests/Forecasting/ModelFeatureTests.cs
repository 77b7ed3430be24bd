using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Datasets;
using CoachPortal.Learning.Baselines;

namespace CoachPortal.Core.Tests.Forecasting;

public sealed class ModelFeatureTests
{
    [Fact]
    public void AFeatureForDayDNeverReadsDataAfterD()
    {
        var history = AHistory(60, seed: 3);
        const int day = 40;
        const int window = 14;
        var full = Window(history, day, window);

        // Everything after D changes (or disappears); the window for D must not move.
        var truncated = Window(history.Truncate(day), day, window);
        var altered = AHistory(60, seed: 3);
        for (var d = day + 1; d < altered.Days; d++)
        {
            foreach (var channel in altered.Channels)
            {
                channel[d] = 999;
            }

            altered.TestIndex[d] = 999;
            altered.InjuryOnset[d] = true;
            altered.Injured[d] = true;
        }

        var afterChange = Window(altered, day, window);
        Assert.Equal(full.Features, truncated.Features);
        Assert.Equal(full.Mask, truncated.Mask);
        Assert.Equal(full.Features, afterChange.Features);
        Assert.Equal(full.Mask, afterChange.Mask);
    }

    [Fact]
    public void AChannelNeverObservedInTheWindowIsMaskedNotInvented()
    {
        var history = AHistory(30, seed: 5);
        Array.Fill(history.Channels[DailyFeatures.Readiness + 5], double.NaN);
        var (features, mask) = Window(history, 20, 7);
        Assert.Equal(0f, mask[0, DailyFeatures.Readiness + 5]);
        Assert.Equal(1f, mask[0, DailyFeatures.Load]);
        Assert.All(Enumerable.Range(0, 7), t => Assert.Equal(0f, features[0, t, DailyFeatures.Readiness + 5]));
    }

    [Fact]
    public void TheSplitIsChronologicalAndTargetsComeFromLaterDays()
    {
        var data = ForecastDataset.Build([AHistory(120, 1), AHistory(120, 2, athleteId: 2)], ForecastTarget.Readiness, 7);
        Assert.True(data.TestCount > 0);
        Assert.True(data.Samples.Take(data.TrainCount).Max(s => s.Date) < data.TestFrom);
        Assert.All(data.Samples, s => Assert.Equal(s.History.Channels[DailyFeatures.Readiness][s.Day + 1], s.Target));
    }

    [Fact]
    public void LogisticRegressionLearnsARisingRisk()
    {
        var random = new Random(7);
        var x = new List<double[]>();
        var y = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var acwr = 0.5 + (random.NextDouble() * 1.5);
            x.Add([acwr, 1 + random.NextDouble()]);
            y.Add(random.NextDouble() < 1 / (1 + Math.Exp(-(4 * (acwr - 1.6)))) ? 1 : 0);
        }

        var model = LogisticRegression.Fit(x, y);
        Assert.True(model.Predict([1.9, 1.5]) > model.Predict([0.8, 1.5]) + 0.3);
    }

    private static (float[,,] Features, float[,] Mask) Window(AthleteHistory history, int day, int window)
    {
        var features = new float[1, window, DailyFeatures.Count];
        var mask = new float[1, DailyFeatures.Count];
        DailyFeatures.Fill(history, day, window, features, mask, 0);
        return (features, mask);
    }

    internal static AthleteHistory AHistory(int days, int seed, int athleteId = 1)
    {
        var random = new Random(seed);
        var history = new AthleteHistory(athleteId, 1, new DateOnly(2025, 1, 1), days);
        for (var d = 0; d < days; d++)
        {
            for (var c = 0; c < DailyFeatures.RecordedChannels; c++)
            {
                // wellness is missing on some days, loads every day
                history.Channels[c][d] = c >= DailyFeatures.Readiness && random.NextDouble() < 0.2 ? double.NaN : random.Next(1, 10);
            }

            if (d % 7 == 3)
            {
                history.TestIndex[d] = 95 + random.NextDouble() * 10;
            }
        }

        history.InjuryOnset[days / 2] = true;
        return history;
    }
}
