using CoachPortal.Analytics.Load;

namespace CoachPortal.Analytics.Tests.Load;

public class DailyLoadAggregatorTests
{
    private static readonly TimeZoneInfo s_plusTwo = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
    private static readonly TimeZoneInfo s_minusFive = TimeZoneInfo.CreateCustomTimeZone("UTC-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");

    [Fact]
    public void LateUtcSessionBelongsToTheAthletesNextLocalDay()
    {
        var start = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 3, 2), DailyLoadAggregator.LocalDate(start, s_plusTwo));
        Assert.Equal(new DateOnly(2026, 3, 1), DailyLoadAggregator.LocalDate(start, s_minusFive));
        var earlyUtc = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 3, 1), DailyLoadAggregator.LocalDate(earlyUtc, s_minusFive));
    }

    [Fact]
    public void SessionsOfADayAreSummedAndRestDaysAreZero()
    {
        var first = new DateOnly(2026, 3, 1);
        DatedLoad[] loads = [new(first, 50), new(first, 30), new(first.AddDays(2), 40), new(first.AddDays(9), 99), new(first.AddDays(-1), 99)];
        var days = DailyLoadAggregator.Aggregate(loads, first, first.AddDays(3));
        Assert.Equal([80.0, 0.0, 40.0, 0.0], days);
    }

    [Fact]
    public void ReversedRangeIsRejected() =>
        Assert.Throws<AnalyticsInputException>(() => DailyLoadAggregator.Aggregate([], new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1)));
}
