using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Tests.Performance;

public class VdotTests
{
    // Equivalent performances from Daniels' VDOT table (Daniels' Running Formula): distance m, time s, VDOT.
    [Theory]
    [InlineData(5000, 19 * 60 + 57, 50)]
    [InlineData(10000, 41 * 60 + 21, 50)]
    [InlineData(21097.5, 3600 + 31 * 60 + 35, 50)]
    [InlineData(42195, 3 * 3600 + 10 * 60 + 49, 50)]
    [InlineData(5000, 17 * 60 + 3, 60)]
    [InlineData(42195, 2 * 3600 + 43 * 60 + 25, 60)]
    [InlineData(5000, 24 * 60 + 8, 40)]
    [InlineData(5000, 30 * 60 + 40, 30)]
    [InlineData(42195, 4 * 3600 + 49 * 60 + 17, 30)]
    public void MatchesDanielsTable(double distanceMeters, double seconds, double vdot)
    {
        Assert.Equal(vdot, Vdot.FromPerformance(distanceMeters, seconds), 0.1);
        // The table's times are rounded to the second; the inverse lands within a few seconds of them.
        Assert.Equal(seconds, Vdot.PredictTimeSeconds(vdot, distanceMeters), seconds * 0.003);
    }

    [Fact]
    public void BestEffortIsTheHighestVdot()
    {
        var best = Vdot.FromBestEfforts([(5000, 24 * 60 + 8), (10000, 41 * 60 + 21)]);
        Assert.Equal(Vdot.FromPerformance(10000, 41 * 60 + 21), best!.Value, 12);
        Assert.Null(Vdot.FromBestEfforts([]));
    }

    [Fact]
    public void DurationFractionFollowsDanielsAndGilbert()
    {
        // At 60 min: 0.8 + 0.1894393 e^(−0.76668) + 0.2989558 e^(−11.59563) = 0.8880.
        Assert.Equal(0.8 + 0.1894393 * Math.Exp(-0.76668) + 0.2989558 * Math.Exp(-11.59563), Vdot.FractionOfMax(60), 12);
        Assert.Equal(0.888, Vdot.FractionOfMax(60), 3);
    }
}
