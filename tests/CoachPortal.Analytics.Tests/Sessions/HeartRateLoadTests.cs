using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class HeartRateLoadTests
{
    private static readonly AthleteProfile s_male = new()
    {
        Sex = Sex.Male,
        MaxHeartRateBpm = 200,
        RestingHeartRateBpm = 50,
        LactateThresholdHeartRateBpm = 170,
    };

    [Fact]
    public void BanisterTrimpOfAnHourAtHalfReserveMatchesHandComputation()
    {
        // HRr = (125 − 50) / 150 = 0.5; 60 · 0.5 · 0.64 · e^(1.92 · 0.5) = 50.1446 (Banister 1991).
        var trimp = HeartRateLoad.BanisterTrimp(StreamBuilder.Constant(3600, 125), s_male);
        Assert.Equal(50.1446, trimp!.Value, 3);
    }

    [Fact]
    public void BanisterTrimpUsesTheFemaleWeighting()
    {
        // 60 · 0.5 · 0.86 · e^(1.67 · 0.5) = 59.4642.
        var trimp = HeartRateLoad.BanisterTrimp(StreamBuilder.Constant(3600, 125), s_male with { Sex = Sex.Female });
        Assert.Equal(59.4642, trimp!.Value, 3);
    }

    [Fact]
    public void BanisterTrimpSkipsMissingSamplesAndNeedsRestAndMax()
    {
        var hr = StreamBuilder.Constant(7200, 125);
        Array.Fill(hr, float.NaN, 3600, 3600);
        Assert.Equal(50.1446, HeartRateLoad.BanisterTrimp(hr, s_male)!.Value, 3);
        Assert.Null(HeartRateLoad.BanisterTrimp(hr, s_male with { RestingHeartRateBpm = null }));
    }

    [Fact]
    public void EdwardsTrimpWeightsMinutesByZone()
    {
        // 30 min at 55 % (×1) + 20 min at 85 % (×4) + 10 min at 95 % (×5) + 10 min at 40 % (×0) = 160 (Edwards 1993).
        float[] hr = [.. StreamBuilder.Constant(1800, 110), .. StreamBuilder.Constant(1200, 170), .. StreamBuilder.Constant(600, 190), .. StreamBuilder.Constant(600, 80)];
        Assert.Equal(160.0, HeartRateLoad.EdwardsTrimp(hr, 200)!.Value, 9);
    }

    [Fact]
    public void HeartRateTssOfAnHourAtThresholdIs100()
    {
        Assert.Equal(100.0, HeartRateLoad.HeartRateTss(StreamBuilder.Constant(3600, 170), s_male)!.Value, 6);
        Assert.Equal(50.0, HeartRateLoad.HeartRateTss(StreamBuilder.Constant(1800, 170), s_male)!.Value, 6);
        Assert.Null(HeartRateLoad.HeartRateTss(StreamBuilder.Constant(1800, 170), s_male with { LactateThresholdHeartRateBpm = null }));
    }
}
