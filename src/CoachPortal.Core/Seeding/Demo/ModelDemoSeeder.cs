using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Learning.Simulation;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Seeding.Demo;

/// <summary>
/// Gives the demo team a simulated past (sessions, daily check-ins, a weekly performance test, injuries) before its
/// first record, from the engine's <see cref="AthleteSimulator"/> (check-ins from <see cref="DemoWellness"/>, calibrated
/// on real athletes), and computes its daily loads, so that every model kind has enough history to train on. Only in
/// demo mode and only for the demo team: a real team's models train on its real records, and simulated rows are
/// marked (<c>IsSimulated</c>) wherever they appear. Idempotent: athletes whose history already starts early enough
/// are skipped.
/// </summary>
public sealed class ModelDemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    DemoMode demoMode,
    LoadRecomputeScheduler scheduler,
    LoadRecomputeJob loadJob,
    TimeProvider clock)
{
    /// <summary>Kind name of the simulated tests (an index around 100, higher is better).</summary>
    public const string SimulatedTestKind = "Performance index";

    public async Task SeedHistoryAsync(Caller caller, int teamId, int days = 240, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.CanManageTeam(caller, teamId))
        {
            throw new ForbiddenException("You may add demo history only to the teams you coach.");
        }

        if (!demoMode.IsOn || !await db.Teams.AnyAsync(t => t.Id == teamId && t.IsDemo, ct))
        {
            throw new ForbiddenException("Simulated history is only for the demo team in demo mode; a real team's models train on its own records.");
        }

        await SeedAsync(db, teamId, days, ct);
    }

    /// <summary>Whether the team may be given simulated history (demo mode and the demo team).</summary>
    public async Task<bool> IsDemoTeamAsync(int teamId, CancellationToken ct = default)
    {
        if (!demoMode.IsOn)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Teams.AnyAsync(t => t.Id == teamId && t.IsDemo, ct);
    }

    /// <summary>The simulation itself, without the demo checks: for test worlds that need a trained model.</summary>
    internal async Task SeedUncheckedAsync(int teamId, int days, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await SeedAsync(db, teamId, days, ct);
    }

    private async Task SeedAsync(AppDbContext db, int teamId, int days, CancellationToken ct)
    {
        var athletes = await db.Athletes.Where(a => a.TeamId == teamId && !a.IsArchived).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var wanted = today.AddDays(-days);
        var seeded = new List<int>();
        foreach (var id in athletes)
        {
            var firstSession = await db.TrainingSessions.Where(s => s.AthleteId == id).MinAsync(s => (DateTime?)s.StartUtc, ct);
            var firstCheckIn = await db.WellnessCheckIns.Where(w => w.AthleteId == id).MinAsync(w => (DateOnly?)w.Date, ct);
            var firstTest = await db.PerformanceTests.Where(t => t.AthleteId == id).MinAsync(t => (DateOnly?)t.Date, ct);
            var first = new[] { firstSession is { } s ? DateOnly.FromDateTime(s) : (DateOnly?)null, firstCheckIn, firstTest }
                .Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(today.AddDays(1)).Min();
            var end = first.AddDays(-1);
            var count = end.DayNumber - wanted.DayNumber + 1;
            if (count < 60)
            {
                continue;
            }

            var simulated = new AthleteSimulator(new SimulatorOptions { Days = count }).Simulate((ulong)(1000 + id));
            AddDays(db, id, wanted, simulated);
            seeded.Add(id);
        }

        await db.SaveChangesAsync(ct);
        foreach (var id in seeded)
        {
            await scheduler.ScheduleFullAsync(id, ct);
            // Computed here so that a training run queued right after finds the loads.
            await loadJob.RunAsync(id, ct);
        }
    }

    private static void AddDays(AppDbContext db, int athleteId, DateOnly start, SimulatedAthlete simulated)
    {
        // Mornings from the calibrated simulator over these loads, as for the demo team's recent sessions.
        var checkIns = DemoWellness.CheckIns(athleteId, start, [.. simulated.Days.Select(d => d.Load)], seed: 2000 + athleteId);
        foreach (var day in simulated.Days)
        {
            var date = start.AddDays(day.Day);
            if (day.Load > 1)
            {
                var minutes = Math.Clamp(day.Load * 0.9, 20, 240);
                db.TrainingSessions.Add(new TrainingSession
                {
                    AthleteId = athleteId,
                    StartUtc = date.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
                    Sport = SessionSports.Running,
                    Title = "Simulated session",
                    DurationSeconds = (int)(minutes * 60),
                    MovingSeconds = (int)(minutes * 60),
                    Tss = Math.Round(day.Load, 1),
                    Rpe = Math.Clamp((int)Math.Round(day.Load / minutes * 6), 1, 10),
                    SessionRpeLoad = Math.Round(day.Load * 3, 0),
                    IsSimulated = true,
                });
            }

            if (!day.Unavailable && checkIns[day.Day] is { } checkIn)
            {
                db.WellnessCheckIns.Add(checkIn);
            }

            if (day.Day % 7 == 6 && !day.Unavailable)
            {
                db.PerformanceTests.Add(new PerformanceTest
                {
                    AthleteId = athleteId,
                    Date = date,
                    Kind = SimulatedTestKind,
                    Unit = "pts",
                    HigherIsBetter = true,
                    Value = Math.Round(day.ObservedPerformance, 2),
                    IsSimulated = true,
                });
            }

            if (day.InjuryOnset)
            {
                db.Injuries.Add(new Injury
                {
                    AthleteId = athleteId,
                    Kind = InjuryKind.Injury,
                    OnsetDate = date,
                    Severity = InjurySeverity.Moderate,
                    DaysLost = 10,
                    ReturnDate = date.AddDays(10),
                    Notes = "Simulated.",
                    IsSimulated = true,
                });
            }
        }
    }
}
