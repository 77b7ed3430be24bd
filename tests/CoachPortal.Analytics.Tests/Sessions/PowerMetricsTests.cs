using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class PowerMetricsTests
{
    [Fact]
    public void NormalizedPowerOfSteadyPowerIsThatPower() =>
        Assert.Equal(200.0, PowerMetrics.NormalizedPower(StreamBuilder.Constant(600, 200))!.Value, 6);

    [Fact]
    public void NormalizedPowerOfAStepMatchesHandComputation()
    {
        // 60 s at 0 W then 60 s at 300 W: the 91 rolling means are 31 × 0, 10k for k = 1…29, 31 × 300, so
        // NP = ((31 · 300⁴ + Σ (10k)⁴) / 91)^¼ = 238.7631 W.
        float[] power = [.. StreamBuilder.Constant(60, 0), .. StreamBuilder.Constant(60, 300)];
        Assert.Equal(238.7631, PowerMetrics.NormalizedPower(power)!.Value, 3);
    }

    [Fact]
    public void NormalizedPowerCountsDropoutsAsZeroAndNeedsThirtySeconds()
    {
        var power = StreamBuilder.Constant(120, 300);
        Array.Fill(power, float.NaN, 0, 60);
        Assert.Equal(238.7631, PowerMetrics.NormalizedPower(power)!.Value, 3);
        Assert.Null(PowerMetrics.NormalizedPower(StreamBuilder.Constant(29, 300)));
    }

    [Fact]
    public void TssFollowsCogganDefinition()
    {
        Assert.Equal(100.0, PowerMetrics.TrainingStressScore(3600, 250, 250), 9);
        // Two hours at NP 225 W with FTP 250 W: IF 0.9, TSS = 2 · 0.9² · 100 = 162.
        Assert.Equal(162.0, PowerMetrics.TrainingStressScore(7200, 225, 250), 9);
        Assert.Equal(0.9, PowerMetrics.IntensityFactor(225, 250), 12);
    }

    [Fact]
    public void WorkAndVariabilityIndex()
    {
        Assert.Equal(900.0, PowerMetrics.WorkKilojoules(StreamBuilder.Constant(3600, 250)), 6);
        Assert.Equal(1.05, PowerMetrics.VariabilityIndex(210, 200), 12);
    }
}
