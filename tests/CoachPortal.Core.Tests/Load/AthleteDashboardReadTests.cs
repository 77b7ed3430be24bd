using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Security;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Wellness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Core.Tests.Load;

/// <summary>The athlete dashboard is one read: one context, one access check, whatever the page draws.</summary>
public sealed class AthleteDashboardReadTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task TheDashboardIsReadWithOneContextAndOneAccessCheck()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "OneRead");
        await LoadTestData.AddSessionsAsync(world, LoadTestData.DailySessions(athlete, 30, 0, d => 40 + d));
        await LoadTestData.RecomputeAsync(world, athlete, DateOnly.MinValue);
        await using (var db = world.CreateDb())
        {
            db.WellnessCheckIns.Add(new WellnessCheckIn { AthleteId = athlete, Date = LoadTestData.TodayUtc, Readiness = 6, Mood = 7 });
            await db.SaveChangesAsync();
        }

        var counter = new CommandCounter();
        var factory = new CountingDbContextFactory(world.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), counter);
        var service = new AthleteDashboardService(factory, TimeProvider.System);

        var view = await service.GetAsync(world.CoachA, athlete, 42);

        Assert.Equal(1, factory.Created);
        // A coach's access check is the only query that joins the team's coaches.
        Assert.Equal(1, counter.Commands.Count(c => c.Contains("TeamCoaches", StringComparison.Ordinal)));
        Assert.Equal(athlete, view.Context.AthleteId);
        Assert.NotEmpty(view.Loads);
        Assert.Single(view.CheckIns);
        Assert.Equal(view.Context.Today.AddDays(-41), view.From);
    }

    [Fact]
    public async Task ACoachOfAnotherTeamGetsNotFoundFromTheOneRead()
    {
        var athlete = await LoadTestData.NewAthleteAsync(world, world.CoachA, world.TeamA, "NotYours");
        var service = world.Get<AthleteDashboardService>();
        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(world.CoachB, athlete, 42));
    }
}
