using CoachPortal.Analytics.Forecasting;
using CoachPortal.Analytics.Performance;
using CoachPortal.Analytics.Tests.Performance;

namespace CoachPortal.Analytics.Tests.Forecasting;

public class ForecasterTests
{
    private static readonly double[] s_loads = new double[20];

    [Fact]
    public void PersistenceRepeatsTheLastObservationEvenWhenGivenOutOfOrder()
    {
        PerformanceObservation[] observations = [new(5, 20), new(2, 10)];
        Assert.Equal([20.0, 20.0, 20.0], new PersistenceForecaster().Forecast(s_loads, observations, 10, 3));
    }

    [Fact]
    public void EwmaSmoothsTheObservations()
    {
        // 10 → 0.5·20 + 0.5·10 = 15 → 0.5·30 + 0.5·15 = 22.5.
        PerformanceObservation[] observations = [new(1, 10), new(2, 20), new(3, 30)];
        Assert.Equal([22.5, 22.5], new EwmaForecaster(0.5).Forecast(s_loads, observations, 4, 2));
        Assert.Throws<AnalyticsInputException>(() => new EwmaForecaster(0).Forecast(s_loads, observations, 4, 2));
    }

    [Fact]
    public void ForecastsNeedLoadsForTheHorizonAndPastObservations()
    {
        PerformanceObservation[] observations = [new(1, 10), new(12, 20)];
        Assert.Throws<AnalyticsInputException>(() => new PersistenceForecaster().Forecast(s_loads, observations, 10, 3));
        Assert.Throws<AnalyticsInputException>(() => new PersistenceForecaster().Forecast(s_loads, [new(1, 10)], 18, 5));
    }

    [Fact]
    public void BanisterBaselineBeatsPersistenceOnASimulatedAthleteWithATaper()
    {
        // 240 days of training, then a 3-week taper that a fitness–fatigue athlete responds to.
        var loads = BanisterModelTests.PeriodisedLoads(261, 9);
        for (var d = 240; d < loads.Length; d++)
        {
            loads[d] *= 0.3;
        }

        var truth = BanisterModelTests.SimulatedAthlete.Predict(loads);
        var observations = BanisterModelTests.Observe(BanisterModelTests.SimulatedAthlete, loads, 3, 0.5, 10, 240);
        var banister = new BanisterForecaster();
        var forecast = banister.Forecast(loads, observations, 240, 21);
        var persistence = new PersistenceForecaster().Forecast(loads, observations, 240, 21);
        var actual = truth[240..];

        var banisterError = ForecastError.MeanAbsolute(forecast, actual);
        var persistenceError = ForecastError.MeanAbsolute(persistence, actual);
        Assert.True(banisterError < persistenceError / 2, $"Banister {banisterError}, persistence {persistenceError}");
        Assert.NotNull(banister.LastFit);
    }

    [Fact]
    public void ErrorMeasuresMatchHandValues()
    {
        Assert.Equal(1.5, ForecastError.MeanAbsolute([1, 2], [2, 4]), 12);
        Assert.Equal(Math.Sqrt(2.5), ForecastError.RootMeanSquare([1, 2], [2, 4]), 12);
    }
}
