using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class AerobicDecouplingTests
{
    [Fact]
    public void HeartRateDriftAtSteadyPowerGivesPositiveDecoupling()
    {
        // EF₁ = 200/140, EF₂ = 200/150: (EF₁ − EF₂) / EF₁ = 1 − 140/150 = 6.667 %.
        var power = StreamBuilder.Constant(3600, 200);
        float[] hr = [.. StreamBuilder.Constant(1800, 140), .. StreamBuilder.Constant(1800, 150)];
        Assert.Equal(100.0 / 15.0, AerobicDecoupling.PercentDecoupling(power, hr)!.Value, 6);
    }

    [Fact]
    public void SteadyEffortIsCoupledAndMissingPairsAreSkipped()
    {
        var power = StreamBuilder.Constant(100, 200);
        var hr = StreamBuilder.Constant(100, 140);
        power[10] = float.NaN;
        hr[90] = float.NaN;
        Assert.Equal(0.0, AerobicDecoupling.PercentDecoupling(power, hr)!.Value, 9);
        Assert.Null(AerobicDecoupling.PercentDecoupling(power.AsSpan(0, 3), hr.AsSpan(0, 3)));
    }
}
