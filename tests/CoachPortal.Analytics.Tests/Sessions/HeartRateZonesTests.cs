using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class HeartRateZonesTests
{
    [Fact]
    public void ReserveZonesFollowKarvonen()
    {
        var zones = HeartRateZones.FromHeartRateReserve(200, 50);
        Assert.Equal([140.0, 155.0, 170.0, 185.0], zones.UpperBoundsBpm);
    }

    [Fact]
    public void ThresholdZonesArePercentagesOfLthr()
    {
        var zones = HeartRateZones.FromLactateThreshold(200);
        Assert.Equal([162.0, 180.0, 188.0, 200.0], zones.UpperBoundsBpm.Select(b => Math.Round(b, 9)));
    }

    [Fact]
    public void TimeInZonesAddsUpAndLandsInTheRightZone()
    {
        var zones = HeartRateZones.FromHeartRateReserve(200, 50);
        float[] hr = [.. StreamBuilder.Constant(10, 100), .. StreamBuilder.Constant(20, 150), .. StreamBuilder.Constant(30, 185), float.NaN];
        var seconds = zones.TimeInZonesSeconds(hr);
        Assert.Equal([10.0, 20.0, 0.0, 0.0, 30.0], seconds);
    }

    [Fact]
    public void ProfilePrefersLthrThenReserve()
    {
        var both = HeartRateZones.ForProfile(new AthleteProfile { LactateThresholdHeartRateBpm = 170, MaxHeartRateBpm = 200, RestingHeartRateBpm = 50 });
        Assert.Equal(170.0, both!.UpperBoundsBpm[^1], 9);
        var reserve = HeartRateZones.ForProfile(new AthleteProfile { MaxHeartRateBpm = 200, RestingHeartRateBpm = 50 });
        Assert.Equal(185.0, reserve!.UpperBoundsBpm[^1], 9);
        Assert.Null(HeartRateZones.ForProfile(new AthleteProfile()));
    }

    [Fact]
    public void DescendingBoundsAreRejected() =>
        Assert.Throws<AnalyticsInputException>(() => new HeartRateZones([150, 140]));
}
