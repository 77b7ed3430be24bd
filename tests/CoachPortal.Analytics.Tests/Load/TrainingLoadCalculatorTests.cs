using CoachPortal.Analytics.Load;

namespace CoachPortal.Analytics.Tests.Load;

public class TrainingLoadCalculatorTests
{
    private static readonly DateOnly s_start = new(2025, 1, 1);

    private static double[] RandomLoads(int days, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days).Select(_ => random.NextDouble() < 0.2 ? 0 : 20 + 130 * random.NextDouble()).ToArray();
    }

    [Fact]
    public void FirstDaysOfThePmcMatchHandComputation()
    {
        var s = TrainingLoadCalculator.Compute(s_start, [100, 0]);
        // CTL = 100/42, ATL = 100/7; TSB today is yesterday's CTL − ATL.
        Assert.Equal(100.0 / 42, s.Ctl[0], 12);
        Assert.Equal(100.0 / 7, s.Atl[0], 12);
        Assert.Equal(0.0, s.Tsb[0]);
        Assert.Equal(100.0 / 42 * (41.0 / 42), s.Ctl[1], 12);
        Assert.Equal(100.0 / 7 * (6.0 / 7), s.Atl[1], 12);
        Assert.Equal(100.0 / 42 - 100.0 / 7, s.Tsb[1], 12);
    }

    [Fact]
    public void ExponentialFactorAndTimeConstantsAreConfigurable()
    {
        var s = TrainingLoadCalculator.Compute(s_start, [100], new TrainingLoadOptions { CtlTimeConstantDays = 28, AtlTimeConstantDays = 5, ExponentialDecayFactor = true });
        Assert.Equal(100 * (1 - Math.Exp(-1.0 / 28)), s.Ctl[0], 12);
        Assert.Equal(100 * (1 - Math.Exp(-1.0 / 5)), s.Atl[0], 12);
    }

    [Fact]
    public void SteadyLoadConvergesToFitnessEqualFatigue()
    {
        var s = TrainingLoadCalculator.Compute(s_start, Enumerable.Repeat(60.0, 600).ToArray());
        Assert.Equal(60.0, s.Ctl[^1], 4);
        Assert.Equal(60.0, s.Atl[^1], 9);
        Assert.Equal(0.0, s.Tsb[^1], 4);
        Assert.Equal(1.0, s.AcwrRolling[^1], 12);
        Assert.Equal(1.0, s.AcwrEwma[^1], 6);
        Assert.True(double.IsNaN(s.Monotony[^1]), "monotony of identical loads is undefined");
    }

    [Fact]
    public void RollingAcwrIsAcuteMeanOverCoupledChronicMean()
    {
        // 21 days at 10 then 7 days at 20: acute 20, chronic (210 + 140) / 28 = 12.5, ACWR 1.6 (Hulin 2014).
        double[] loads = [.. Enumerable.Repeat(10.0, 21), .. Enumerable.Repeat(20.0, 7)];
        var s = TrainingLoadCalculator.Compute(s_start, loads);
        Assert.Equal(20.0, s.AcuteLoad[27], 12);
        Assert.Equal(12.5, s.ChronicLoad[27], 12);
        Assert.Equal(1.6, s.AcwrRolling[27], 12);
        Assert.True(double.IsNaN(s.AcwrRolling[26]), "no ratio before 28 days of history");
        Assert.True(double.IsNaN(s.AcwrEwma[26]));
    }

    [Fact]
    public void EwmaUsesWilliamsLambdas()
    {
        var s = TrainingLoadCalculator.Compute(s_start, [100, 0]);
        // λa = 2/8 = 0.25, λc = 2/29 (Williams 2017).
        Assert.Equal(25.0, s.AcuteEwma[0], 12);
        Assert.Equal(200.0 / 29, s.ChronicEwma[0], 12);
        Assert.Equal(25.0 * 0.75, s.AcuteEwma[1], 12);
        Assert.Equal(200.0 / 29 * 27 / 29, s.ChronicEwma[1], 12);
    }

    [Fact]
    public void MonotonyAndStrainFollowFoster()
    {
        // Week 100, 0, 100, 0, 100, 0, 100: mean 57.142857, SD (n − 1) 53.452248, monotony 1.069045, strain 427.618.
        double[] loads = [100, 0, 100, 0, 100, 0, 100];
        var s = TrainingLoadCalculator.Compute(s_start, loads);
        Assert.Equal(400.0, s.WeeklyLoad[6], 12);
        Assert.Equal(1.069045, s.Monotony[6], 5);
        Assert.Equal(427.618, s.Strain[6], 2);
        Assert.True(double.IsNaN(s.Monotony[5]));
    }

    [Fact]
    public void RampRateIsTheWeeklyCtlChange()
    {
        var s = TrainingLoadCalculator.Compute(s_start, RandomLoads(30, 3));
        Assert.True(double.IsNaN(s.RampRate[6]));
        Assert.Equal(s.Ctl[7] - s.Ctl[0], s.RampRate[7], 12);
        Assert.Equal(s.Ctl[29] - s.Ctl[22], s.RampRate[29], 12);
    }

    [Fact]
    public void IncrementalRecomputeEqualsFullRecompute()
    {
        var before = RandomLoads(1000, 11);
        var previous = TrainingLoadCalculator.Compute(s_start, before);
        var after = (double[])before.Clone();
        after[600] += 75;
        after[601] = 0;
        double[] extended = [.. after, .. RandomLoads(20, 12)];

        var incremental = TrainingLoadCalculator.Recompute(previous, extended, s_start.AddDays(600));
        var full = TrainingLoadCalculator.Compute(s_start, extended);

        AssertIdentical(full, incremental);
        Assert.NotEqual(previous.Ctl[700], incremental.Ctl[700]);
    }

    [Fact]
    public void RollingMeansEqualNaiveWindowSums()
    {
        var loads = RandomLoads(200, 13);
        var s = TrainingLoadCalculator.Compute(s_start, loads);
        for (var t = 0; t < loads.Length; t++)
        {
            var acute = loads.Skip(Math.Max(0, t - 6)).Take(Math.Min(7, t + 1)).Sum() / 7;
            var chronic = loads.Skip(Math.Max(0, t - 27)).Take(Math.Min(28, t + 1)).Sum() / 28;
            Assert.Equal(acute, s.AcuteLoad[t], 9);
            Assert.Equal(chronic, s.ChronicLoad[t], 9);
        }
    }

    [Fact]
    public void IncrementalRecomputeEqualsFullWithOtherWindows()
    {
        var options = new TrainingLoadOptions { AcuteWindowDays = 5, ChronicWindowDays = 20, MinimumHistoryDaysForAcwr = 20, CtlTimeConstantDays = 30 };
        var loads = RandomLoads(300, 17);
        var previous = TrainingLoadCalculator.Compute(s_start, loads, options);
        loads[250] = 0;
        var incremental = TrainingLoadCalculator.Recompute(previous, loads, s_start.AddDays(250));
        AssertIdentical(TrainingLoadCalculator.Compute(s_start, loads, options), incremental);
        var t = 299;
        Assert.Equal(loads.Skip(t - 19).Take(20).Sum() / 20, incremental.ChronicLoad[t], 9);
        Assert.Equal(loads.Skip(t - 4).Take(5).Sum() / 5, incremental.AcuteLoad[t], 9);
    }

    [Fact]
    public void ContinuingFromStoredRowsEqualsFullRecompute()
    {
        var loads = RandomLoads(400, 21);
        var full = TrainingLoadCalculator.Compute(s_start, loads);
        var changedFrom = 300;
        var lookback = TrainingLoadCalculator.RequiredLookbackDays(TrainingLoadOptions.Default);
        var storedRows = Enumerable.Range(changedFrom - lookback, lookback).Select(i => full[i]).ToList();

        var history = TrainingLoadSeries.FromDays(storedRows, changedFrom - lookback, TrainingLoadOptions.Default);
        var continued = TrainingLoadCalculator.Extend(history, loads.AsSpan(changedFrom));

        AssertIdentical(full.Slice(history.StartDate, full.EndDate), continued);
        Assert.Equal(changedFrom - lookback, continued.HistoryDaysBeforeStart);
    }

    [Fact]
    public void ContinuingFromTooShortAHistoryIsRejected()
    {
        var full = TrainingLoadCalculator.Compute(s_start, RandomLoads(100, 5));
        var shortHistory = full.Slice(s_start.AddDays(80), s_start.AddDays(89));
        Assert.Throws<AnalyticsInputException>(() => TrainingLoadCalculator.Extend(shortHistory, [10, 20]));
    }

    [Fact]
    public void DaysAreAddressableByDate()
    {
        var s = TrainingLoadCalculator.Compute(s_start, [10, 20, 30]);
        Assert.Equal(20.0, s.DayOf(s_start.AddDays(1))!.Value.Load);
        Assert.Null(s.DayOf(s_start.AddDays(3)));
        Assert.Equal(s_start.AddDays(2), s.EndDate);
        Assert.Equal(3, s.Days().Count());
    }

    private static void AssertIdentical(TrainingLoadSeries expected, TrainingLoadSeries actual)
    {
        Assert.Equal(expected.StartDate, actual.StartDate);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // Record-struct equality compares every double bit for bit (NaN equals NaN).
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
