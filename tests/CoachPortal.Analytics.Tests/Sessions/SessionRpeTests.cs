using CoachPortal.Analytics.Sessions;

namespace CoachPortal.Analytics.Tests.Sessions;

public class SessionRpeTests
{
    [Fact]
    public void LoadIsRpeTimesMinutes() => Assert.Equal(420.0, SessionRpe.Load(7, 60), 12);

    [Theory]
    [InlineData(-1, 60)]
    [InlineData(11, 60)]
    [InlineData(5, -3)]
    public void OutOfRangeInputIsRejected(double rpe, double minutes) =>
        Assert.Throws<AnalyticsInputException>(() => SessionRpe.Load(rpe, minutes));
}
