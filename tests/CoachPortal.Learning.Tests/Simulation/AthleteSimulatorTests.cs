using CoachPortal.Learning.Forecasting;
using CoachPortal.Learning.Simulation;

namespace CoachPortal.Learning.Tests.Simulation;

public sealed class AthleteSimulatorTests
{
    private static readonly SimulatorOptions s_options = new() { Days = 200 };

    [Fact]
    public void TheSameSeedGivesTheSameAthleteAndAnotherSeedAnother()
    {
        var simulator = new AthleteSimulator(s_options);

        var a = simulator.Simulate(42);
        var b = simulator.Simulate(42);
        var c = simulator.Simulate(43);

        Assert.Equal(a.Days, b.Days);
        Assert.NotEqual(a.Days.Select(d => d.Load), c.Days.Select(d => d.Load));
    }

    [Fact]
    public void PerformanceIsTheBanisterFitnessFatigueModelOfTheLoads()
    {
        var athlete = new AthleteSimulator(s_options).Simulate(3);
        double k1 = s_options.FitnessGain, k2 = s_options.FatigueGain;

        for (int d = 1; d < athlete.Days.Count; d++)
        {
            var (previous, day) = (athlete.Days[d - 1], athlete.Days[d]);
            Assert.Equal(previous.Fitness * Math.Exp(-1 / s_options.FitnessTimeConstantDays) + day.Load, day.Fitness, 1e-9);
            Assert.Equal(previous.Fatigue * Math.Exp(-1 / s_options.FatigueTimeConstantDays) + day.Load, day.Fatigue, 1e-9);
            Assert.Equal(athlete.BasePerformance + k1 * day.Fitness - k2 * day.Fatigue, day.Performance, 1e-9);
        }

        var noise = athlete.Days.Select(d => d.ObservedPerformance - d.Performance).ToArray();
        double sd = Math.Sqrt(noise.Average(n => n * n));
        Assert.InRange(sd, 0.7 * s_options.PerformanceNoise, 1.3 * s_options.PerformanceNoise);
    }

    [Fact]
    public void WellnessFallsWithFatigueOnlyAsWeaklyAsInRealAthletes()
    {
        // PMData: the within-athlete correlation of a day's load with the next report is about -0.1, not the strong
        // coupling an earlier simulator had; the fatigue effect must still be there, and small
        var simulator = new AthleteSimulator(s_options);
        var correlations = Enumerable.Range(0, 32).Select(i => simulator.Simulate((ulong)(200 + i)).Days)
            .Select(days => Correlation(days.Select(d => d.Fatigue).ToArray(), days.Select(d => d.Wellness).ToArray()))
            .ToArray();

        Assert.InRange(correlations.Average(), -0.45, -0.03);
        var noLoadEffect = new AthleteSimulator(s_options with { WellnessPerFatigue = 0 });
        var without = Enumerable.Range(0, 32).Select(i => noLoadEffect.Simulate((ulong)(200 + i)).Days)
            .Average(days => Correlation(days.Select(d => d.Fatigue).ToArray(), days.Select(d => d.Wellness).ToArray()));
        Assert.True(correlations.Average() < without - 0.03, $"with the fatigue effect {correlations.Average():F3}, without {without:F3}");
    }

    [Fact]
    public void ReportsAreWholePointsOnTheZeroToTenScaleWithMissedAndFloorDays()
    {
        var days = Enumerable.Range(0, 16).SelectMany(i => new AthleteSimulator(s_options).Simulate((ulong)(300 + i)).Days).ToArray();

        Assert.All(days, d => Assert.InRange(d.Wellness, 0, 10));
        Assert.All(days.Where(d => d.ReportedReadiness is not null), d => Assert.Equal(Math.Round(d.Wellness), d.ReportedReadiness!.Value));
        Assert.Contains(days, d => d.ReportedReadiness is null);
        Assert.Contains(days, d => d.ReportedReadiness == 0);
    }

    [Fact]
    public void SimulatedAthletesHaveTheSpreadCarryOverFloorAndMissingDaysOfRealOnes()
    {
        // PMData's eight participants: SD of athlete means 1.0, lag-1 autocorrelation 0.44, 6 % of reports at 0,
        // 82 % of days reported (bench: simulator --pmdata); the bounds are wide enough for 64 athletes' sampling noise
        var simulator = new AthleteSimulator(new SimulatorOptions { Days = 150 });
        var series = Enumerable.Range(0, 64).Select(i => Series(simulator.Simulate((ulong)(5000 + i)))).ToList();

        var stats = WellnessStatistics.Of(series);

        Assert.InRange(stats.AthleteMeanSpread, 0.7, 1.4);
        Assert.InRange(stats.Lag1Autocorrelation, 0.3, 0.55);
        Assert.InRange(stats.FloorShare, 0.02, 0.1);
        Assert.InRange(stats.ReportedShare, 0.72, 0.92);
        Assert.InRange(stats.LoadCoupling, -0.25, 0);
        Assert.InRange(stats.Mean, 4, 5.5);
    }

    [Fact]
    public void WellnessStatisticsAreComputedWithinAthletes()
    {
        var a = new WellnessSeries("a", new DateOnly(2025, 1, 1), 4);
        var b = new WellnessSeries("b", new DateOnly(2025, 1, 1), 4);
        double[] ra = [2, 4, double.NaN, 0], rb = [8, 8, 10, 10];
        for (var d = 0; d < 4; d++)
        {
            (a[WellnessChannel.Readiness][d], b[WellnessChannel.Readiness][d]) = (ra[d], rb[d]);
        }

        var stats = WellnessStatistics.Of([a, b]);

        Assert.Equal(7 / 8.0, stats.ReportedShare);
        // athlete means 2 and 9
        Assert.Equal(7 / Math.Sqrt(2), stats.AthleteMeanSpread, 1e-9);
        // consecutive reported pairs, centred per athlete: a (0, 2); b (-1, -1), (-1, 1), (1, 1)
        Assert.Equal(1.75 / Math.Sqrt(2.75 * 4.75), stats.Lag1Autocorrelation, 1e-9);
        Assert.Equal(1 / 7.0, stats.FloorShare, 1e-12);
        Assert.Equal(2 / 7.0, stats.CeilingShare, 1e-12);
    }

    [Fact]
    public void InjuriesAreMoreFrequentAfterLoadSpikesAndStopTrainingForTheLayoff()
    {
        var simulator = new AthleteSimulator(new SimulatorOptions { Days = 365, SpikeWeekProbability = 0.2 });
        var days = Enumerable.Range(0, 40).SelectMany(i => simulator.Simulate((ulong)(1000 + i)).Days).ToArray();
        var eligible = days.Where(d => !d.Unavailable && d.Day >= 28).ToArray();

        double Rate(IEnumerable<DailyRecord> group) => group.Average(d => d.InjuryOnset ? 1.0 : 0.0);
        double spiked = Rate(eligible.Where(d => d.AcuteChronicRatio > 1.3));
        double steady = Rate(eligible.Where(d => d.AcuteChronicRatio <= 1.0));

        Assert.True(spiked > 2 * steady, $"injury rate {spiked} after spikes vs {steady} steady");
        var athlete = simulator.Simulate(1000);
        var onset = athlete.Days.First(d => d.InjuryOnset).Day;
        Assert.All(athlete.Days.Skip(onset + 1).Take(simulator.Options.InjuryLayoffDays), d => Assert.Equal(0, d.Load));
    }

    [Fact]
    public void SessionClassesDifferInIntensityAndMissingChannelsAreZeroWithTheirMaskOff()
    {
        double MeanPower(SessionClass c) => Enumerable.Range(0, 10).Average(i => AthleteSimulator.SimulateSession(c, (ulong)i, 60).Channels[1].Average());

        Assert.True(MeanPower(SessionClass.Recovery) < MeanPower(SessionClass.Endurance));
        Assert.True(MeanPower(SessionClass.Endurance) < MeanPower(SessionClass.Tempo));
        Assert.True(MeanPower(SessionClass.Tempo) < MeanPower(SessionClass.Race));
        var data = SimulatedDatasets.SessionClasses(60, seed: 9, length: 30, missingChannelProbability: 0.5);
        var missing = Enumerable.Range(0, 60).SelectMany(n => Enumerable.Range(0, 4).Select(c => (n, c))).Where(p => data.ChannelMask![p.n, p.c] == 0).ToArray();
        Assert.NotEmpty(missing);
        Assert.All(missing, p => Assert.All(Enumerable.Range(0, 30), t => Assert.Equal(0f, data.Features[p.n, t, p.c])));
        Assert.All(missing, p => Assert.True(p.c >= 2));
    }

    [Fact]
    public void ForecastWindowsAreInTimeOrderAndTargetTheDayAfterTheWindow()
    {
        var athletes = new[] { new AthleteSimulator(s_options).Simulate(1), new AthleteSimulator(s_options).Simulate(2) };

        var data = SimulatedDatasets.PerformanceForecast(athletes, windowDays: 10, horizonDays: 3);

        Assert.Equal(2 * (200 - 10 - 3 + 1), data.Count);
        var first = athletes.Single(a => (float)a.Days[0].ObservedPerformance == data.Features[0, 0, 3]);
        Assert.Equal((float)first.Days[12].Performance, data.Targets[0]);
        Assert.Equal((float)first.Days[9].Load, data.Features[0, 9, 0]);
        var last = athletes.Single(a => (float)a.Days[187].ObservedPerformance == data.Features[data.Count - 1, 0, 3]);
        Assert.Equal((float)last.Days[199].Performance, data.Targets[^1]);
    }

    private static WellnessSeries Series(SimulatedAthlete athlete)
    {
        var series = new WellnessSeries(athlete.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 1, 1), athlete.Days.Count);
        foreach (var d in athlete.Days)
        {
            series[WellnessChannel.Readiness][d.Day] = d.ReportedReadiness ?? double.NaN;
            series[WellnessChannel.Load][d.Day] = d.Load;
        }

        return series;
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        double cov = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }
}
