using CoachPortal.Analytics.Performance;
using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Performance;

public class CriticalPowerModelTests
{
    [Fact]
    public void ExactHyperbolaIsRecovered()
    {
        // P = 250 W + 20 kJ / t.
        var efforts = new[] { 180.0, 300, 600, 1200 }.Select(t => new DurationPower(t, 250 + 20000 / t)).ToList();
        var fit = CriticalPowerModel.Fit(efforts);
        Assert.Equal(250.0, fit.CriticalPowerWatts, 6);
        Assert.Equal(20000.0, fit.WPrimeJoules, 3);
        Assert.Equal(1.0, fit.RSquaredWork, 12);
        Assert.Equal(0.0, fit.StandardErrorOfEstimateWatts, 6);
        Assert.Equal(4, fit.PointsUsed);
        Assert.Equal(250 + 20000.0 / 240, fit.PowerAtDurationWatts(240), 6);
        Assert.Equal(200.0, fit.TimeToExhaustionSeconds(350)!.Value, 6);
        Assert.Null(fit.TimeToExhaustionSeconds(250));
    }

    [Fact]
    public void ThreeEffortFitMatchesHandRegression()
    {
        // Work–time points (180, 70 200), (600, 170 400), (1200, 320 400) J; t̄ = 660, W̄ = 187 000;
        // CP = Sxy / Sxx, W′ = W̄ − CP · t̄ (Moritani 1981) with
        // Sxx = 480² + 60² + 540² = 525 600; Sxy = (−480)(−116 800) + (−60)(−16 600) + 540 · 133 400 = 129 096 000.
        var fit = CriticalPowerModel.Fit([new(180, 390), new(600, 284), new(1200, 267)]);
        Assert.Equal(129_096_000.0 / 525_600, fit.CriticalPowerWatts, 6);
        Assert.Equal(187_000 - 129_096_000.0 / 525_600 * 660, fit.WPrimeJoules, 3);
        Assert.True(fit.StandardErrorCriticalPowerWatts > 0);
        Assert.True(fit.StandardErrorOfEstimateWatts > 0);
    }

    [Fact]
    public void CurveFitUsesOnlyTheTwoToTwentyMinuteRange()
    {
        var elapsed = Enumerable.Range(0, 3600).ToArray();
        // A flat 300 W hour: every duration's best is 300 W, so CP = 300 and W′ = 0.
        var curve = MeanMaximalCurve.Compute(elapsed, Enumerable.Repeat(300f, 3600).ToArray(), missingCountsAsZero: true);
        var fit = CriticalPowerModel.FitCurve(curve);
        Assert.Equal(300.0, fit.CriticalPowerWatts, 6);
        Assert.Equal(0.0, fit.WPrimeJoules, 3);
        Assert.Equal(curve.DurationsSeconds.Count(d => d is >= 120 and <= 1200), fit.PointsUsed);
    }

    [Fact]
    public void TooFewOrIdenticalDurationsAreRejected()
    {
        Assert.Throws<AnalyticsInputException>(() => CriticalPowerModel.Fit([new(300, 300)]));
        Assert.Throws<AnalyticsInputException>(() => CriticalPowerModel.Fit([new(300, 300), new(300, 310)]));
    }
}
