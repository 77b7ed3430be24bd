using System.Globalization;
using CoachPortal.Core.Users;
using CoachPortal.Web.Localization;

namespace CoachPortal.Web.Tests.Localization;

/// <summary>The one formatter every page writes values through.</summary>
public sealed class DisplayFormatTests
{
    private static DisplayFormat For(string culture, UnitSystem units = UnitSystem.Metric) => new(CultureInfo.GetCultureInfo(culture), units);

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59.4, "0:59")]
    [InlineData(59.6, "1:00")]
    [InlineData(1070.05, "17:50")]
    [InlineData(3599.4, "59:59")]
    [InlineData(3599.6, "1:00:00")]
    [InlineData(3600, "1:00:00")]
    [InlineData(86_399, "23:59:59")]
    [InlineData(90_061, "25:01:01")]
    [InlineData(-75, "-1:15")]
    public void DurationsAreAClockRoundedToTheSecondWithHoursPastADay(double seconds, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Duration(seconds));
    }

    [Fact]
    public void ADurationThatIsNoNumberReadsAsADash()
    {
        Assert.Equal("–", DisplayFormat.Duration(double.NaN));
    }

    [Fact]
    public void ATimedTestResultIsAClockNeverACountOfSeconds()
    {
        Assert.Equal("17:50", For("en-US").TestResult(1070.05, "s"));
        Assert.Equal("1:02:03", For("de-DE").TestResult(3723, "seconds"));
        Assert.Equal("312,5 W", For("de-DE").TestResult(312.5, "W"));
        Assert.Equal("312.5 W", For("en-GB").TestResult(312.5, "W"));
    }

    [Theory]
    [InlineData("en-GB", UnitSystem.Metric, 1000 / 270.0, "4:30 /km")]
    [InlineData("en-US", UnitSystem.Imperial, 1000 / 270.0, "7:15 /mi")]
    [InlineData("en-GB", UnitSystem.Metric, 1000 / 299.7, "5:00 /km")]
    [InlineData("de-DE", UnitSystem.Metric, 0, "–")]
    public void PaceIsMinutesAndSecondsPerKilometreOrMile(string culture, UnitSystem units, double metersPerSecond, string expected)
    {
        Assert.Equal(expected, For(culture, units).Pace(metersPerSecond));
    }

    [Theory]
    [InlineData("en-GB", UnitSystem.Metric, 10_000, "10.00 km")]
    [InlineData("de-DE", UnitSystem.Metric, 12_345, "12,35 km")]
    [InlineData("en-US", UnitSystem.Imperial, 10_000, "6.21 mi")]
    [InlineData("fr-FR", UnitSystem.Imperial, 42_195, "26,22 mi")]
    public void DistancesFollowTheUnitsAndTheDecimalSeparatorOfTheCulture(string culture, UnitSystem units, double meters, string expected)
    {
        Assert.Equal(expected, For(culture, units).Distance(meters));
    }

    [Fact]
    public void SpeedsAndElevationsFollowTheUnits()
    {
        Assert.Equal("36.0 km/h", For("en-GB").Speed(10));
        Assert.Equal("22.4 mph", For("en-US", UnitSystem.Imperial).Speed(10));
        Assert.Equal("36,0 km/h", For("de-DE").SpeedOrPace(10, Analytics.Sessions.SessionSports.Cycling));
        Assert.Equal("1:40 /km", For("de-DE").SpeedOrPace(10, Analytics.Sessions.SessionSports.Running));
        Assert.Equal("100 m", For("en-GB").Elevation(100));
        Assert.Equal("328 ft", For("en-US", UnitSystem.Imperial).Elevation(100));
        Assert.Equal("400 m", For("en-GB").StepDistance(400));
        Assert.Equal("0.25 mi", For("en-US", UnitSystem.Imperial).StepDistance(402.336));
    }

    [Theory]
    [InlineData("en-GB", "04/12/2026", "4 Dec")]
    [InlineData("en-US", "12/4/2026", "Dec 4")]
    [InlineData("de-DE", "04.12.2026", "4. Dez.")]
    [InlineData("fr-FR", "04/12/2026", "4 déc.")]
    [InlineData("es-ES", "4/12/2026", "4 de dic")]
    public void DatesAreWrittenInTheCulturesOrder(string culture, string shortDate, string dayMonth)
    {
        var format = For(culture);
        var date = new DateOnly(2026, 12, 4);
        Assert.Equal(shortDate, format.Date(date));
        Assert.Equal(dayMonth, format.DayMonth(date));
    }

    [Fact]
    public void NumbersUseTheCulturesDecimalSeparator()
    {
        Assert.Equal("0,85", For("de-DE").Number(0.854, "0.00"));
        Assert.Equal("0.85", For("en-US").Number(0.854, "0.00"));
        Assert.Equal("–", For("en-US").Number(null));
        Assert.Equal("42 %", For("de-DE").Percent(0.42));
    }
}
