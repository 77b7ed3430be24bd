using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class RunningMetricsTests
{
    [Fact]
    public void MinettiCostOnTheFlatAndAtTenPercent()
    {
        Assert.Equal(3.6, RunningMetrics.EnergyCostOfRunning(0), 12);
        // 155.4·0.1⁵ − 30.4·0.1⁴ − 43.3·0.1³ + 46.3·0.1² + 19.5·0.1 + 3.6 = 5.968214 J/kg/m (Minetti 2002).
        Assert.Equal(5.968214, RunningMetrics.EnergyCostOfRunning(0.1), 9);
        Assert.Equal(3.0 * 5.968214 / 3.6, RunningMetrics.GradeAdjustedSpeed(3.0, 0.1), 9);
    }

    [Fact]
    public void ModerateDownhillIsCheaperThanFlatAndGradesAreClamped()
    {
        Assert.True(RunningMetrics.EnergyCostOfRunning(-0.1) < 3.6);
        Assert.Equal(RunningMetrics.EnergyCostOfRunning(0.45), RunningMetrics.EnergyCostOfRunning(0.8), 12);
    }

    [Fact]
    public void RunningTssOfAnHourAtThresholdIs100()
    {
        Assert.Equal(100.0, RunningMetrics.RunningTss(3600, 4.0, 4.0), 9);
        Assert.Equal(50.0 * 0.81, RunningMetrics.RunningTss(1800, 3.6, 4.0), 9);
    }

    [Fact]
    public void PaceIsSecondsPerKilometre()
    {
        Assert.Equal(250.0, RunningMetrics.PaceSecondsPerKilometer(4.0)!.Value, 9);
        Assert.Null(RunningMetrics.PaceSecondsPerKilometer(0));
    }
}
