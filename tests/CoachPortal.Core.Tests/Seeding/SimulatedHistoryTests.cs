using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Seeding;

/// <summary>Simulated records exist only for the demo team in demo mode; a real team trains on its own records.</summary>
public sealed class SimulatedHistoryTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task ARealTeamsAthleteGetsNoSimulatedRows(string demoMode)
    {
        var world = new PortalTestHost();
        world.Settings["Demo:Enabled"] = demoMode;
        await world.InitializeAsync();
        try
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => world.Get<ModelDemoSeeder>().SeedHistoryAsync(world.CoachA, world.TeamA));

            await using var db = world.CreateDb();
            Assert.False(await db.TrainingSessions.AnyAsync(s => s.AthleteId == world.AthleteAProfile || s.AthleteId == world.TeamMateOfA));
            Assert.False(await db.WellnessCheckIns.AnyAsync(w => w.AthleteId == world.AthleteAProfile || w.AthleteId == world.TeamMateOfA));
            Assert.False(await db.PerformanceTests.AnyAsync(t => t.AthleteId == world.AthleteAProfile || t.AthleteId == world.TeamMateOfA));
            Assert.False(await db.Injuries.AnyAsync(i => i.AthleteId == world.AthleteAProfile || i.AthleteId == world.TeamMateOfA));
            Assert.False(await db.TrainingSessions.AnyAsync(s => s.IsSimulated && !s.Athlete!.Team!.IsDemo));
            Assert.False(await db.WellnessCheckIns.AnyAsync(w => w.IsSimulated && !w.Athlete!.Team!.IsDemo));
            if (demoMode == "true")
            {
                // The demo team's generated records are all marked.
                Assert.True(await db.WellnessCheckIns.AnyAsync(w => w.Athlete!.Team!.IsDemo));
                Assert.False(await db.WellnessCheckIns.AnyAsync(w => w.Athlete!.Team!.IsDemo && !w.IsSimulated));
                Assert.False(await db.TrainingSessions.AnyAsync(s => s.Athlete!.Team!.IsDemo && !s.IsSimulated));
            }
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARealTeamWithTooFewCheckInsIsToldSoInsteadOfTraining()
    {
        var world = new PortalTestHost();
        await world.InitializeAsync();
        try
        {
            var exception = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Get<ModelService>().TrainDefaultModelsAsync(world.CoachA, world.TeamA));

            Assert.Contains("0 check-ins", exception.Message, StringComparison.Ordinal);
            await using var db = world.CreateDb();
            Assert.False(await db.TrainingRuns.AnyAsync());
        }
        finally
        {
            await world.DisposeAsync();
        }
    }
}
