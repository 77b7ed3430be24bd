using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Load.Performance;

namespace CoachPortal.Core.Tests.Load;

public sealed class PerformanceWordingTests
{
    [Fact]
    public void APerformanceForecastReadsAsBetterOrWorseNotAsAPercentOfTheFirstResult()
    {
        var forecast = new AthleteForecast(1, ForecastTarget.Performance, new DateOnly(2026, 5, 1), 126.6, 97, 130, [], 1);

        Assert.Equal("Next test: 26.6 % better than your first result, likely between 3.0 % worse and 30.0 % better", forecast.Describe());
        Assert.DoesNotContain("% of your first", forecast.PlainWords(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1070.05, "s", "17:50")]
    [InlineData(10921.4, "s", "3:02:01")]
    [InlineData(312.456, "W", "312.46 W")]
    public void ResultsReadInTheirUnitAndTimesAsAClock(double value, string unit, string expected)
    {
        Assert.Equal(expected, PerformanceFormat.Value(value, unit));
    }
}
