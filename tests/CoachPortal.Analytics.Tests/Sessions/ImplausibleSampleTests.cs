using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class ImplausibleSampleTests
{
    private static readonly AthleteProfile s_profile = new()
    {
        Sex = Sex.Male,
        MaxHeartRateBpm = 195,
        RestingHeartRateBpm = 48,
        LactateThresholdHeartRateBpm = 168,
        FunctionalThresholdPowerWatts = 240,
    };

    [Fact]
    public void OneSampleOf22000WattsLeavesNormalisedPowerAndTssOfA158WattRideAlone()
    {
        var clean = SteadyRide(seed: 3);
        var spiked = SteadyRide(seed: 3);
        spiked.PowerWatts![1800] = 22_000f;

        var expected = SessionAnalyzer.Analyze(clean, s_profile);
        var actual = SessionAnalyzer.Analyze(spiked, s_profile);

        Assert.InRange(expected.NormalizedPowerWatts!.Value, 150, 166);
        Assert.Equal(expected.NormalizedPowerWatts.Value, actual.NormalizedPowerWatts!.Value, 0.5);
        Assert.Equal(expected.PowerTss!.Value, actual.PowerTss!.Value, 0.2);
        Assert.Equal(expected.WorkKilojoules!.Value, actual.WorkKilojoules!.Value, 0.5);
        Assert.True(actual.PowerCurve!.ValueAt(1) < 400, $"1-s best {actual.PowerCurve.ValueAt(1)} W");
        // The caller's stream, like the stored recording, still holds the raw sample.
        Assert.Equal(22_000f, spiked.PowerWatts[1800]);
    }

    [Fact]
    public void HeartRateOutsideThirtyTo230AndSpeedJumpsAreIgnored()
    {
        var clean = SteadyRide(seed: 5);
        var glitched = SteadyRide(seed: 5);
        glitched.HeartRateBpm![100] = 0f;
        glitched.HeartRateBpm[200] = 255f;
        glitched.SpeedMetersPerSecond![300] = 60f;
        glitched.SpeedMetersPerSecond[900] = 24f;

        var expected = SessionAnalyzer.Analyze(clean, s_profile);
        var actual = SessionAnalyzer.Analyze(glitched, s_profile);

        Assert.Equal(255f, glitched.HeartRateBpm[200]);
        Assert.Equal(expected.MaxHeartRateBpm, actual.MaxHeartRateBpm);
        Assert.Equal(expected.AverageHeartRateBpm!.Value, actual.AverageHeartRateBpm!.Value, 0.1);
        Assert.Equal(expected.BanisterTrimp!.Value, actual.BanisterTrimp!.Value, 0.5);
        Assert.True(actual.SpeedCurve!.ValueAt(1) < 12, $"1-s best speed {actual.SpeedCurve.ValueAt(1)} m/s");
        Assert.Equal(expected.DistanceMeters!.Value, actual.DistanceMeters!.Value, 30.0);
    }

    [Fact]
    public void IrregularSmartRecordingGivesTheSameLoadsTimesAndDistanceAsOneHertz()
    {
        var ride = VariedRide();
        var random = new Random(11);
        var kept = new List<int>();
        for (var i = 0; i < ride.Length; i += random.Next(1, 9))
        {
            kept.Add(i);
        }

        var sparse = new SessionStreams
        {
            ElapsedSeconds = [.. kept.Select(i => ride.ElapsedSeconds[i])],
            HeartRateBpm = [.. kept.Select(i => ride.HeartRateBpm![i])],
            PowerWatts = [.. kept.Select(i => ride.PowerWatts![i])],
            SpeedMetersPerSecond = [.. kept.Select(i => ride.SpeedMetersPerSecond![i])],
        };
        Assert.True(kept.Count < ride.Length / 3);

        var dense = SessionAnalyzer.Analyze(ride, s_profile);
        var smart = SessionAnalyzer.Analyze(sparse, s_profile);

        AssertWithin2Percent(dense.BanisterTrimp, smart.BanisterTrimp);
        AssertWithin2Percent(dense.EdwardsTrimp, smart.EdwardsTrimp);
        AssertWithin2Percent(dense.HeartRateTss, smart.HeartRateTss);
        AssertWithin2Percent(dense.PowerTss, smart.PowerTss);
        AssertWithin2Percent(dense.WorkKilojoules, smart.WorkKilojoules);
        AssertWithin2Percent(dense.TimeInHeartRateZonesSeconds!.Sum(), smart.TimeInHeartRateZonesSeconds!.Sum());
        AssertWithin2Percent(dense.MovingSeconds, smart.MovingSeconds);
        AssertWithin2Percent(dense.DistanceMeters, smart.DistanceMeters);
    }

    private static void AssertWithin2Percent(double? expected, double? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected.Value) <= 0.02 * Math.Abs(expected.Value), $"expected {expected:F2}, got {actual:F2}");
    }

    /// <summary>An hour at about 158 W and 140 bpm with sensor noise.</summary>
    private static SessionStreams SteadyRide(int seed)
    {
        var random = new Random(seed);
        const int Seconds = 3600;
        return new SessionStreams
        {
            ElapsedSeconds = [.. Enumerable.Range(0, Seconds)],
            PowerWatts = [.. Enumerable.Range(0, Seconds).Select(_ => (float)(158 + (random.NextDouble() * 20) - 10))],
            HeartRateBpm = [.. Enumerable.Range(0, Seconds).Select(_ => (float)(140 + (random.NextDouble() * 4) - 2))],
            SpeedMetersPerSecond = [.. Enumerable.Range(0, Seconds).Select(_ => (float)(8 + random.NextDouble() - 0.5))],
        };
    }

    /// <summary>Ninety minutes with warm-up, five 4-minute intervals and recoveries: HR and power drift between levels.</summary>
    private static SessionStreams VariedRide()
    {
        const int Seconds = 5400;
        var power = new float[Seconds];
        var hr = new float[Seconds];
        var speed = new float[Seconds];
        var heart = 100.0;
        for (var t = 0; t < Seconds; t++)
        {
            var interval = t >= 1200 && t < 3600 && (t - 1200) % 480 < 240;
            var target = t < 600 ? 120 + (t / 10.0) : interval ? 300 : 170;
            power[t] = (float)(target + (15 * Math.Sin(t / 7.0)));
            // Heart rate follows effort with a 30-s lag.
            heart += (90 + (target * 0.33) - heart) / 30.0;
            hr[t] = (float)heart;
            speed[t] = (float)(target / 25.0);
        }

        return new SessionStreams
        {
            ElapsedSeconds = [.. Enumerable.Range(0, Seconds)],
            PowerWatts = power,
            HeartRateBpm = hr,
            SpeedMetersPerSecond = speed,
        };
    }
}
