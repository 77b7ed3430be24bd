using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Tests.Performance;

public class BanisterModelTests
{
    internal static readonly BanisterParameters SimulatedAthlete = new(P0: 300, K1: 0.05, K2: 0.12, Tau1Days: 42, Tau2Days: 9);

    /// <summary>Periodised load: 3 weeks building, 1 week easy, with day-to-day variation and rest days.</summary>
    internal static double[] PeriodisedLoads(int days, int seed)
    {
        var random = new Random(seed);
        var loads = new double[days];
        for (var d = 0; d < days; d++)
        {
            var week = d / 7 % 4;
            var level = week == 3 ? 30 : 50 + 25 * week;
            loads[d] = d % 7 == 6 ? 0 : level * (0.5 + random.NextDouble());
        }

        return loads;
    }

    internal static List<PerformanceObservation> Observe(BanisterParameters truth, double[] loads, int everyDays, double noise, int seed, int untilDay)
    {
        var random = new Random(seed);
        var p = truth.Predict(loads);
        var observations = new List<PerformanceObservation>();
        for (var d = 5; d < untilDay; d += everyDays)
        {
            observations.Add(new PerformanceObservation(d, p[d] + noise * (random.NextDouble() - 0.5) * 2));
        }

        return observations;
    }

    [Fact]
    public void PredictionMatchesTheImpulseResponseSum()
    {
        var model = new BanisterParameters(100, 0.1, 0.3, 40, 10);
        double[] loads = [50, 0, 80, 20];
        var p = model.Predict(loads);
        // Day 3: loads of days 0–2 act with lags 3, 2, 1 (Banister 1975).
        var fitness = 50 * Math.Exp(-3 / 40.0) + 80 * Math.Exp(-1 / 40.0);
        var fatigue = 50 * Math.Exp(-3 / 10.0) + 80 * Math.Exp(-1 / 10.0);
        Assert.Equal(100 + 0.1 * fitness - 0.3 * fatigue, p[3], 9);
        Assert.Equal(100.0, p[0], 12);
        Assert.Equal(p[2..], model.PredictPlan(loads.AsSpan(0, 2), loads.AsSpan(2)));
    }

    [Fact]
    public void FitRecoversTheParametersOfASimulatedAthlete()
    {
        var loads = PeriodisedLoads(300, 1);
        var observations = Observe(SimulatedAthlete, loads, everyDays: 3, noise: 0.5, seed: 2, untilDay: 300);

        var fit = BanisterModel.Fit(loads, observations);

        var p = fit.Parameters;
        Assert.Equal(SimulatedAthlete.P0, p.P0, 300 * 0.02);
        Assert.Equal(SimulatedAthlete.K1, p.K1, 0.05 * 0.15);
        Assert.Equal(SimulatedAthlete.K2, p.K2, 0.12 * 0.15);
        Assert.Equal(SimulatedAthlete.Tau1Days, p.Tau1Days, 42 * 0.15);
        Assert.Equal(SimulatedAthlete.Tau2Days, p.Tau2Days, 9 * 0.15);
        Assert.True(fit.RSquared > 0.95, $"R² {fit.RSquared}");
        Assert.True(fit.RootMeanSquareError < 0.5, $"RMSE {fit.RootMeanSquareError}");
        Assert.Equal(observations.Count, fit.Residuals.Count);
        Assert.True(fit.StartsTried > 1);
    }

    [Fact]
    public void ResidualsAreObservedMinusModelled()
    {
        var loads = PeriodisedLoads(200, 3);
        var observations = Observe(SimulatedAthlete, loads, everyDays: 4, noise: 2, seed: 4, untilDay: 200);
        var fit = BanisterModel.Fit(loads, observations);
        var modelled = fit.Parameters.Predict(loads);
        for (var i = 0; i < observations.Count; i++)
        {
            Assert.Equal(observations[i].Value - modelled[observations[i].DayIndex], fit.Residuals[i], 9);
        }
    }

    [Fact]
    public void FittedModelPredictsAFuturePlan()
    {
        var loads = PeriodisedLoads(280, 5);
        var history = loads[..240];
        var plan = loads[240..];
        var fit = BanisterModel.Fit(history, Observe(SimulatedAthlete, history, 3, 0.5, 6, 240));
        var predicted = fit.Parameters.PredictPlan(history, plan);
        var truth = SimulatedAthlete.Predict(loads)[240..];
        for (var d = 0; d < plan.Length; d++)
        {
            Assert.Equal(truth[d], predicted[d], 2.0);
        }
    }

    [Fact]
    public void FitStaysWithinTheBounds()
    {
        var loads = PeriodisedLoads(200, 7);
        var observations = Observe(SimulatedAthlete, loads, 3, 0.5, 8, 200);
        var options = new BanisterFitOptions { MaxTau1Days = 30, StartTau1Days = [20, 28] };
        var p = BanisterModel.Fit(loads, observations, options).Parameters;
        Assert.InRange(p.Tau1Days, options.MinTau1Days, 30);
        Assert.InRange(p.Tau2Days, options.MinTau2Days, options.MaxTau2Days);
        Assert.True(p.K1 >= 0 && p.K2 >= 0);
    }

    [Fact]
    public void TooFewObservationsOrOutOfRangeDaysAreRejected()
    {
        var loads = PeriodisedLoads(50, 1);
        Assert.Throws<AnalyticsInputException>(() => BanisterModel.Fit(loads, [new(1, 1), new(2, 2)]));
        var outside = Enumerable.Range(0, 6).Select(i => new PerformanceObservation(45 + i, 1)).ToList();
        Assert.Throws<AnalyticsInputException>(() => BanisterModel.Fit(loads, outside));
    }
}
