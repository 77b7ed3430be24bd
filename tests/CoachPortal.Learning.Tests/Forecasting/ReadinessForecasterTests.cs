using CoachPortal.Learning.Forecasting;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Learning.Tests.Forecasting;

public sealed class ReadinessForecasterTests
{
    private static readonly ReadinessForecasterSettings s_fast = new() { Seeds = 2, Epochs = 40 };

    [Fact]
    public void ItLearnsASignalTheEwmaCannotSeeAndCrossValidationPicksTheNetwork()
    {
        // tomorrow's readiness follows today's mood (a good mood: 2 points above the athlete's level, else 1 below)
        var series = Athletes(6, 160, seed: 1);
        int TrainDays(WellnessSeries s) => 110;

        using var model = ReadinessForecaster.Train(series, TrainDays, s_fast);
        var test = ReadinessForecaster.Samples(series, s => s.Days).Where(x => x.Day + 1 >= 110).ToList();
        var forecasts = model.Predict(test);
        var actual = test.Select(x => x.Series[WellnessChannel.Readiness][x.Day + 1]).ToArray();

        Assert.Equal(ForecastMode.Network, model.Mode);
        Assert.True(model.CrossValidation.NetworkMae < model.CrossValidation.EwmaMae);
        var modelMae = forecasts.Select((f, i) => Math.Abs(f.Point - actual[i])).Average();
        var ewmaMae = forecasts.Select((f, i) => Math.Abs(f.Baseline - actual[i])).Average();
        Assert.True(modelMae < 0.7 * ewmaMae, $"model {modelMae:F3} vs EWMA {ewmaMae:F3}");
        Assert.All(forecasts, f => Assert.True(f.Low <= f.Point && f.Point <= f.High && f.Low >= 0 && f.High <= 10));
    }

    [Fact]
    public void AForecastForDayDReadsNothingAfterD()
    {
        var series = Athletes(4, 120, seed: 2);
        using var model = ReadinessForecaster.Train(series, _ => 100, s_fast with { Seeds = 1, Folds = 2 });
        var target = series[0];
        var before = model.Predict([(target, 60)]).Single();

        foreach (var channel in target.Channels)
        {
            for (var d = 61; d < target.Days; d++)
            {
                channel[d] = 10 - (double.IsNaN(channel[d]) ? 5 : channel[d]);
            }
        }

        Assert.Equal(before, model.Predict([(target, 60)]).Single());
    }

    [Fact]
    public void AStoredModelGivesTheSameForecastsAfterLoading()
    {
        var series = Athletes(4, 120, seed: 3);
        using var model = ReadinessForecaster.Train(series, _ => 100, s_fast with { Seeds = 2, Folds = 2 });
        var samples = ReadinessForecaster.Samples(series, s => s.Days).Where(x => x.Day >= 100).ToList();

        using var loaded = ReadinessModel.FromBytes(model.ToBytes());

        Assert.Equal(model.Predict(samples), loaded.Predict(samples));
        Assert.Equal(model.Mode, loaded.Mode);
        Assert.Equal(model.CrossValidation, loaded.CrossValidation);
        Assert.Throws<LearningException>(() => ReadinessModel.FromBytes([1, 2, 3]));
    }

    [Fact]
    public void TooFewSamplesAreRefusedWithAReason()
    {
        var series = Athletes(1, 30, seed: 4);

        var ex = Assert.Throws<LearningException>(() => ReadinessForecaster.Train(series, _ => 30, s_fast));
        Assert.Contains("too few", ex.Message, StringComparison.Ordinal);
    }

    private static List<WellnessSeries> Athletes(int count, int days, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var result = new List<WellnessSeries>();
        for (var a = 0; a < count; a++)
        {
            var s = new WellnessSeries($"a{a}", new DateOnly(2025, 1, 1), days);
            var level = 3 + random.NextInt(4);
            for (var d = 0; d < days; d++)
            {
                var mood = 1 + random.NextInt(10);
                s[WellnessChannel.Mood][d] = mood;
                s[WellnessChannel.Load][d] = random.NextDouble() < 0.5 ? 0 : 300 * random.NextDouble();
                if (d > 0)
                {
                    var previousMood = s[WellnessChannel.Mood][d - 1];
                    s[WellnessChannel.Readiness][d] = Math.Clamp(level + (previousMood > 5 ? 2 : -1) + (random.NextDouble() < 0.1 ? 1 : 0), 0, 10);
                }
            }

            result.Add(s);
        }

        return result;
    }
}
