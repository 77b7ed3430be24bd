using CoachPortal.Analytics.Performance;

namespace CoachPortal.Analytics.Tests.Performance;

public class RacePredictorTests
{
    [Fact]
    public void RiegelFromA40Minute10K()
    {
        // 2400 s · (42 195 / 10 000)^1.06 = 11 040.48 s (3:04:00).
        Assert.Equal(11040.48, RacePredictor.RiegelSeconds(10000, 2400, 42195), 2);
        Assert.Equal(2400.0, RacePredictor.RiegelSeconds(10000, 2400, 10000), 9);
    }

    [Fact]
    public void VdotPredictionReproducesDanielsEquivalents()
    {
        // VDOT 50: 5K 19:57 ↔ marathon 3:10:49 in Daniels' table.
        Assert.Equal(3 * 3600 + 10 * 60 + 49, RacePredictor.VdotSeconds(5000, 19 * 60 + 57, 42195), 30.0);
    }

    [Fact]
    public void InvalidInputIsRejected() =>
        Assert.Throws<AnalyticsInputException>(() => RacePredictor.RiegelSeconds(0, 2400, 5000));
}
