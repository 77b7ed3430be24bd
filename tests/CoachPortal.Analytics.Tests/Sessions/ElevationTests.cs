using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class ElevationTests
{
    [Fact]
    public void SmoothingPreservesAStraightRamp()
    {
        var ramp = Enumerable.Range(0, 50).Select(i => 100f + 0.5f * i).ToArray();
        var smoothed = Elevation.SmoothCentered(ramp, 5);
        for (var i = 0; i < ramp.Length; i++)
        {
            Assert.Equal(ramp[i], smoothed[i], 4);
        }
    }

    [Fact]
    public void SawtoothClimbsAreCountedInFull()
    {
        // Three 10-m climbs and descents: 30 m of ascent.
        var profile = new List<double>();
        for (var c = 0; c < 3; c++)
        {
            profile.AddRange(Enumerable.Range(0, 10).Select(i => 100.0 + i));
            profile.AddRange(Enumerable.Range(0, 10).Select(i => 110.0 - i));
        }

        Assert.Equal(30.0, Elevation.GainWithHysteresis([.. profile], 2.0), 9);
    }

    [Fact]
    public void NoiseBelowTheThresholdIsNotClimbing()
    {
        var noise = Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? 100.0 : 101.5).ToArray();
        Assert.Equal(0.0, Elevation.GainWithHysteresis(noise, 2.0));
    }

    [Fact]
    public void ShallowDipsDoNotSplitAClimb()
    {
        double[] profile = [100, 105, 104, 110, 100];
        Assert.Equal(10.0, Elevation.GainWithHysteresis(profile, 2.0), 9);
    }

    [Fact]
    public void NoisyRampGainsItsNetRiseAfterSmoothing()
    {
        // 50 m over 500 s with ±1.5 m alternating noise: raw gain counts the noise, smoothed gain does not.
        var altitude = Enumerable.Range(0, 501).Select(i => (float)(100 + 0.1 * i + (i % 2 == 0 ? 1.5 : -1.5))).ToArray();
        var raw = Elevation.GainWithHysteresis(altitude.Select(a => (double)a).ToArray(), 0.5);
        var smoothed = Elevation.GainWithHysteresis(Elevation.SmoothCentered(altitude, 5), 2.0);
        Assert.True(raw > 100, $"raw {raw}");
        Assert.InRange(smoothed, 48.0, 52.0);
    }
}
