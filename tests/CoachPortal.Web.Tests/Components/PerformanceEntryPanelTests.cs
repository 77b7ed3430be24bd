using Bunit;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Teams;
using CoachPortal.Web.Features.Load;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoachPortal.Web.Tests.Components;

/// <summary>
/// The dashboard's entry forms stay off the circuit until a coach opens them: their inputs were the largest share of
/// a dashboard circuit's memory (docs/benchmarks.md, Circuits).
/// </summary>
public sealed class PerformanceEntryPanelTests : DatabaseTestContext
{
    public PerformanceEntryPanelTests()
    {
        Services.AddScoped<PerformanceService>();
    }

    [Fact]
    public async Task TheEntryFormsAreBuiltOnlyWhenTheCoachOpensThem()
    {
        var athleteId = await SeedAthleteAsync();

        var cut = Render<PerformanceEntryPanel>(p => p.Add(c => c.AthleteId, athleteId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=open-test-form]")));
        Assert.Empty(cut.FindComponents<MudDatePicker>());
        Assert.Empty(cut.FindComponents<MudAutocomplete<string>>());
        Assert.Empty(cut.FindComponents<MudSelect<InjuryKind>>());
        var closed = CountComponents(cut);

        cut.Find("[data-testid=open-test-form]").Click();
        Assert.Single(cut.FindComponents<MudDatePicker>());
        Assert.NotNull(cut.Find("[data-testid=add-test]"));
        Assert.Empty(cut.FindComponents<MudSelect<InjuryKind>>());

        cut.Find("[data-testid=open-injury-form]").Click();
        Assert.Equal(3, cut.FindComponents<MudDatePicker>().Count);
        Assert.NotNull(cut.Find("[data-testid=add-injury]"));
        // The closed panel is a fraction of the open one: each component costs a circuit its render-tree buffers.
        Assert.True(CountComponents(cut) > 4 * closed, $"closed {closed}, open {CountComponents(cut)}");
    }

    private static int CountComponents(IRenderedComponent<PerformanceEntryPanel> cut) =>
        cut.FindComponents<MudComponentBase>().Count;

    private async Task<int> SeedAthleteAsync()
    {
        await using var db = new AppDbContext(Options);
        var team = new Team { Name = "Team " + Guid.NewGuid().ToString("N")[..6] };
        var athlete = new Athlete { FirstName = "Eve", LastName = "Entry" };
        team.Athletes.Add(athlete);
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return athlete.Id;
    }
}
