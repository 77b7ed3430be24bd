using CoachPortal.Core.Security;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Wellness;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Wellness;

public sealed class WellnessTests(PortalTestHost world) : IClassFixture<PortalTestHost>
{
    [Fact]
    public async Task AthleteSavesTodaysCheckInAndCanEditItTheSameDay()
    {
        var wellness = world.Get<WellnessService>();

        await wellness.SaveTodayAsync(world.AthleteA, world.AthleteAProfile, new WellnessInput { Readiness = 6, SleepHours = 7.5, Soreness = 4, SorenessBodyArea = "Calf" });
        var edited = await wellness.SaveTodayAsync(world.AthleteA, world.AthleteAProfile, new WellnessInput { Readiness = 8, SleepHours = 8, RestingHeartRateBpm = 44, HrvRmssdMs = 92 });

        await using var db = world.CreateDb();
        var stored = await db.WellnessCheckIns.Where(w => w.AthleteId == world.AthleteAProfile).ToListAsync();
        var only = Assert.Single(stored);
        Assert.Equal(edited.Id, only.Id);
        Assert.Equal(8, only.Readiness);
        Assert.Null(only.SorenessBodyArea);
        Assert.Equal(92, only.HrvRmssdMs);
        Assert.Null(await wellness.MissingTodayAsync(world.AthleteA));
    }

    [Fact]
    public async Task OutOfRangeValuesAreRefusedWithAMessagePerField()
    {
        var input = new WellnessInput { Readiness = 11, Fatigue = 0, SleepHours = 20, RestingHeartRateBpm = 10, HrvRmssdMs = 1000, Mood = 5 };

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<WellnessService>().SaveTodayAsync(world.AthleteB, world.AthleteBProfile, input));

        Assert.Equal(
            ["Readiness", "Fatigue", "SleepHours", "RestingHeartRateBpm", "HrvRmssdMs"],
            ex.Errors.Select(e => e.Field));
        Assert.Contains("Readiness must be between 0 and 10.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sleep must be between 0 and 16 hours.", ex.Message, StringComparison.Ordinal);
        Assert.Empty(WellnessValidator.Validate(new WellnessInput()));
    }

    [Fact]
    public async Task AnAthleteCannotReadAnotherAthletesWellness()
    {
        var wellness = world.Get<WellnessService>();
        await wellness.SaveTodayAsync(world.AthleteB, world.AthleteBProfile, new WellnessInput { Mood = 7 });
        var today = LoadTestData.TodayUtc;

        await Assert.ThrowsAsync<NotFoundException>(() => wellness.ListAsync(world.AthleteA, world.AthleteBProfile, today.AddDays(-7), today));
        await Assert.ThrowsAsync<NotFoundException>(() => wellness.ListAsync(world.AthleteA, world.TeamMateOfA, today.AddDays(-7), today));
        await Assert.ThrowsAsync<NotFoundException>(() => wellness.GetTodayAsync(world.AthleteA, world.AthleteBProfile));
        Assert.Single(await wellness.ListAsync(world.AthleteB, world.AthleteBProfile, today.AddDays(-7), today));
    }

    [Fact]
    public async Task CoachesReadTheirAthletesCheckInsButNotAnotherTeamsAndCannotFillThemIn()
    {
        var wellness = world.Get<WellnessService>();
        await wellness.SaveTodayAsync(world.AthleteB, world.AthleteBProfile, new WellnessInput { Stress = 3 });
        var today = LoadTestData.TodayUtc;

        Assert.NotNull(await wellness.GetTodayAsync(world.CoachB, world.AthleteBProfile));
        Assert.NotNull(await wellness.GetTodayAsync(world.Admin, world.AthleteBProfile));
        await Assert.ThrowsAsync<NotFoundException>(() => wellness.ListAsync(world.CoachA, world.AthleteBProfile, today.AddDays(-7), today));
        await Assert.ThrowsAsync<ForbiddenException>(() => wellness.SaveTodayAsync(world.CoachB, world.AthleteBProfile, new WellnessInput { Mood = 2 }));
        await Assert.ThrowsAsync<NotFoundException>(() => wellness.SaveTodayAsync(world.AthleteA, world.AthleteBProfile, new WellnessInput { Mood = 2 }));
    }

    [Fact]
    public async Task TheReminderShowsOnlyForAnAthleteWithoutTodaysCheckIn()
    {
        var wellness = world.Get<WellnessService>();
        await using (var db = world.CreateDb())
        {
            await db.WellnessCheckIns.Where(w => w.AthleteId == world.AthleteAProfile).ExecuteDeleteAsync();
        }

        Assert.Equal(world.AthleteAProfile, await wellness.MissingTodayAsync(world.AthleteA));
        Assert.Null(await wellness.MissingTodayAsync(world.CoachA));
        await wellness.SaveTodayAsync(world.AthleteA, world.AthleteAProfile, new WellnessInput { SleepQuality = 7 });
        Assert.Null(await wellness.MissingTodayAsync(world.AthleteA));
    }

    [Fact]
    public void TheWellnessScoreReversesNegativeScales()
    {
        Assert.Equal(100, WellnessScore.Of(new WellnessCheckIn { Readiness = 10, Fatigue = 1, Stress = 1, Mood = 10 }));
        Assert.Equal(0, WellnessScore.Of(new WellnessCheckIn { Readiness = 0, Soreness = 10 }));
        Assert.Equal(10, WellnessScore.Of(new WellnessCheckIn { Readiness = 1 }));
        Assert.Null(WellnessScore.Of(new WellnessCheckIn { SleepHours = 8 }));
    }
}
