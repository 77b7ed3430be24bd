using System.Text.RegularExpressions;
using Bunit;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Users;
using CoachPortal.Web.Features.Load;
using CoachPortal.Web.Features.Plans.Workouts;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Components;

/// <summary>Pages write dates, numbers, distances and times for their reader's culture and units.</summary>
public sealed partial class LocalizedComponentTests : DatabaseTestContext
{
    public LocalizedComponentTests()
    {
        Services.AddScoped<PerformanceService>();
    }

    [Theory]
    [InlineData("en-US", "12/4/2026")]
    [InlineData("en-GB", "04/12/2026")]
    [InlineData("de-DE", "04.12.2026")]
    public async Task TestResultsShowDatesInTheFormatOfTheirInputsAndTimesAsAClock(string culture, string shown)
    {
        var format = Read(culture);
        var athleteId = await SeedFiveKmAsync(new DateOnly(2026, 12, 4), 1070.05);

        var cut = Render<PerformanceEntryPanel>(p => p.Add(c => c.AthleteId, athleteId));

        cut.WaitForAssertion(() => Assert.Equal("17:50", cut.Find("[data-testid=test-result]").TextContent));
        Assert.Equal(shown, cut.Find("[data-testid=performance-entry] tbody td").TextContent);
        // The date inputs of the entry form write today the same way.
        cut.Find("[data-testid=open-test-form]").Click();
        var today = DateOnly.FromDateTime(DateTime.Today).ToString("d", format.Culture);
        Assert.Contains(cut.FindAll("input"), i => i.GetAttribute("value") == today);
    }

    [Fact]
    public void AMetricReaderSeesKilometresMetresAndAPointAsDecimalSeparator()
    {
        Read("en-GB");

        var cut = RenderRun();

        var estimate = cut.Find("[data-testid=preview-estimate]").TextContent;
        Assert.Contains(" km", estimate, StringComparison.Ordinal);
        Assert.Matches(DecimalPoint(), estimate);
        Assert.Contains(cut.FindAll("[data-testid=preview-step]"), s => s.TextContent.Trim().StartsWith("400 m", StringComparison.Ordinal));
    }

    [Fact]
    public void AnImperialReaderSeesMiles()
    {
        Read("en-US", UnitSystem.Imperial);

        var cut = RenderRun();

        var estimate = cut.Find("[data-testid=preview-estimate]").TextContent;
        Assert.Contains(" mi", estimate, StringComparison.Ordinal);
        Assert.DoesNotContain(" km", estimate, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=preview-step]"), s => s.TextContent.Trim().StartsWith("0.25 mi", StringComparison.Ordinal));
    }

    [Fact]
    public void AGermanReaderSeesADecimalComma()
    {
        Read("de-DE");

        var cut = RenderRun();

        var estimate = cut.Find("[data-testid=preview-estimate]").TextContent;
        Assert.Matches(DecimalComma(), estimate);
        Assert.DoesNotMatch(DecimalPoint(), estimate);
    }

    private IRenderedComponent<WorkoutPreview> RenderRun() => Render<WorkoutPreview>(p => p
        .Add(c => c.Text, "3km @Z2; 400mtr @Z4")
        .Add(c => c.Sport, "Running")
        .Add(c => c.Profile, new AthleteTrainingProfile(null, 250, 170, 190)));

    private async Task<int> SeedFiveKmAsync(DateOnly date, double seconds)
    {
        await using var db = new AppDbContext(Options);
        var team = new Team { Name = "Team " + Guid.NewGuid().ToString("N")[..6] };
        var athlete = new Athlete { FirstName = "Lou", LastName = "Locale" };
        team.Athletes.Add(athlete);
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        db.PerformanceTests.Add(new PerformanceTest { AthleteId = athlete.Id, Date = date, Kind = "5 km time trial", Unit = "s", Value = seconds, HigherIsBetter = false });
        await db.SaveChangesAsync();
        return athlete.Id;
    }

    [GeneratedRegex(@"\d\.\d")]
    private static partial Regex DecimalPoint();

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();
}
