using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Security;
using CoachPortal.Core.Tests.Support;

namespace CoachPortal.Core.Tests.Load;

public sealed class PerformanceServiceTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    private static PerformanceTestInput FiveK(double seconds) => new() { Date = LoadTestData.TodayUtc.AddDays(-3), Kind = "5 km time trial", Value = seconds };

    [Fact]
    public async Task OnlyTheAthletesCoachesAndAdminsEnterTests()
    {
        var performance = world.Get<PerformanceService>();

        var id = await performance.AddTestAsync(world.CoachA, world.AthleteAProfile, FiveK(1020));
        await performance.AddTestAsync(world.Admin, world.AthleteAProfile, FiveK(1010));
        await Assert.ThrowsAsync<ForbiddenException>(() => performance.AddTestAsync(world.AthleteA, world.AthleteAProfile, FiveK(900)));
        await Assert.ThrowsAsync<NotFoundException>(() => performance.AddTestAsync(world.CoachB, world.AthleteAProfile, FiveK(900)));

        var own = await performance.ListTestsAsync(world.AthleteA, world.AthleteAProfile);
        Assert.Contains(own, t => t.Id == id && t.Unit == "s" && !t.HigherIsBetter);
        await Assert.ThrowsAsync<NotFoundException>(() => performance.ListTestsAsync(world.AthleteB, world.AthleteAProfile));
        await Assert.ThrowsAsync<ForbiddenException>(() => performance.DeleteTestAsync(world.AthleteA, id));
    }

    [Fact]
    public async Task ACustomTestNeedsAUnitAndAPositiveResult()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<PerformanceService>()
            .AddTestAsync(world.CoachB, world.AthleteBProfile, new PerformanceTestInput { Date = LoadTestData.TodayUtc, Kind = "Broad jump", Value = -2 }));

        Assert.Equal(["Unit", "Value"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task InjuriesAreEnteredByCoachesAndAReturnBeforeOnsetIsRefused()
    {
        var performance = world.Get<PerformanceService>();
        var today = LoadTestData.TodayUtc;
        var input = new InjuryInput { OnsetDate = today.AddDays(-20), BodyArea = "Achilles", Severity = InjurySeverity.Moderate, DaysLost = 12, ReturnDate = today.AddDays(-8) };

        await performance.AddInjuryAsync(world.CoachB, world.AthleteBProfile, input);
        await Assert.ThrowsAsync<ForbiddenException>(() => performance.AddInjuryAsync(world.AthleteB, world.AthleteBProfile, input));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => performance.AddInjuryAsync(world.CoachB, world.AthleteBProfile,
            new InjuryInput { OnsetDate = today.AddDays(-2), ReturnDate = today.AddDays(-5) }));

        Assert.Equal("ReturnDate", Assert.Single(bad.Errors).Field);
        var listed = Assert.Single(await performance.ListInjuriesAsync(world.AthleteB, world.AthleteBProfile));
        Assert.Equal("Achilles", listed.BodyArea);
    }
}
