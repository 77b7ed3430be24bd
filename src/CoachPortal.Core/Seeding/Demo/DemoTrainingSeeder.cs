using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Seeding.Demo;

/// <summary>
/// Fills the demo team with six weeks of simulated check-ins over its sessions' loads (<see cref="DemoWellness"/>), test
/// results and two injuries, and queues the daily-load computation of every demo athlete who has sessions but no
/// loads yet. Idempotent: runs at each start and does only what is missing.
/// </summary>
public sealed class DemoTrainingSeeder(IDbContextFactory<AppDbContext> dbFactory, LoadRecomputeScheduler scheduler, TimeProvider clock)
{
    private const int CheckInDays = 42;

    // Days of session load the check-ins are derived from (the demo sessions span 91).
    private const int LoadDays = 120;

    public async Task SeedAsync(string demoTeamName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teamId = await db.Teams.Where(t => t.Name == demoTeamName).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (teamId is null)
        {
            return;
        }

        var athletes = await db.Athletes.Where(a => a.TeamId == teamId).OrderBy(a => a.Id).Select(a => new { a.Id, a.FirstName, a.Sport }).ToListAsync(ct);
        var ids = athletes.Select(a => a.Id).ToList();
        var today = await AthleteClock.TodayAsync(db, teamId.Value, clock, ct);
        if (!await db.WellnessCheckIns.AnyAsync(w => ids.Contains(w.AthleteId), ct))
        {
            var rng = new Random(4);
            var loads = await DailyLoadsAsync(db, ids, today, ct);
            foreach (var a in athletes)
            {
                AddCheckIns(db, a.Id, a.FirstName, today, loads[a.Id], rng);
                AddTests(db, a.Id, a.Sport, today, rng);
            }

            AddInjuries(db, athletes.Select(a => (a.Id, a.FirstName)).ToList(), today);
            await db.SaveChangesAsync(ct);
        }

        var withSessions = await db.TrainingSessions.Where(s => ids.Contains(s.AthleteId)).Select(s => s.AthleteId).Distinct().ToListAsync(ct);
        var computed = await db.LoadRecomputeStates.Where(s => ids.Contains(s.AthleteId)).Select(s => s.AthleteId).ToListAsync(ct);
        foreach (var id in withSessions.Except(computed))
        {
            await scheduler.ScheduleFullAsync(id, ct);
        }
    }

    private static async Task<Dictionary<int, double[]>> DailyLoadsAsync(AppDbContext db, List<int> ids, DateOnly today, CancellationToken ct)
    {
        var from = today.AddDays(-LoadDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => ids.Contains(s.AthleteId) && s.StartUtc >= from)
            .Select(s => new { s.AthleteId, s.StartUtc, Load = s.Tss ?? s.HrTss ?? 0 }).ToListAsync(ct);
        var result = ids.ToDictionary(id => id, _ => new double[LoadDays + 1]);
        foreach (var s in sessions)
        {
            var day = DateOnly.FromDateTime(s.StartUtc).DayNumber - today.AddDays(-LoadDays).DayNumber;
            if (day is >= 0 and <= LoadDays)
            {
                result[s.AthleteId][day] += s.Load;
            }
        }

        return result;
    }

    private static void AddCheckIns(AppDbContext db, int athleteId, string firstName, DateOnly today, double[] loads, Random rng)
    {
        // Mornings from the calibrated simulator over the demo sessions' loads; days without a report stay empty.
        var mornings = DemoWellness.CheckIns(athleteId, today.AddDays(-LoadDays), loads, seed: 3000 + athleteId);
        for (var d = CheckInDays - 1; d >= 0; d--)
        {
            // Alex (the demo athlete account) has not checked in today, so the reminder shows; Gustavo stopped four days ago.
            if ((firstName == "Alex" && d == 0) || (firstName == "Gustavo" && d < 4) || rng.NextDouble() < 0.1)
            {
                continue;
            }

            if (mornings[LoadDays - d] is not { } checkIn)
            {
                continue;
            }

            if (firstName == "Chidi" && d < 2)
            {
                // Chidi's last two days are a clear drop below his own baseline.
                checkIn.Readiness = 3;
                checkIn.Fatigue = 8;
                checkIn.Soreness = 7;
                checkIn.SorenessBodyArea = "Hamstring";
                checkIn.SleepHours = 5.5;
                checkIn.SleepQuality = 4;
                checkIn.Stress = 7;
                checkIn.Mood = 4;
                checkIn.RestingHeartRateBpm = 56;
                checkIn.HrvRmssdMs = 48;
            }

            db.WellnessCheckIns.Add(checkIn);
        }
    }

    private static void AddTests(AppDbContext db, int athleteId, string? sport, DateOnly today, Random rng)
    {
        var kind = sport == "Cycling" ? PerformanceTestKinds.Find("20-min power")! : PerformanceTestKinds.Find("5 km time trial")!;
        var baseline = kind.HigherIsBetter ? 250 + rng.Next(0, 60) : 1020 + rng.Next(0, 180);
        for (var i = 0; i < 7; i++)
        {
            // Every two weeks over the last 12 weeks (inside the demo sessions), improving about 1 % per test with noise.
            var progress = 1 + (0.01 * i) + ((rng.NextDouble() - 0.5) * 0.01);
            db.PerformanceTests.Add(new PerformanceTest
            {
                AthleteId = athleteId,
                Date = today.AddDays(-84 + (14 * i)),
                Kind = kind.Name,
                Unit = kind.Unit,
                HigherIsBetter = kind.HigherIsBetter,
                IsSimulated = true,
                Value = Math.Round(kind.HigherIsBetter ? baseline * progress : baseline / progress, 0),
            });
        }
    }

    private static void AddInjuries(AppDbContext db, IReadOnlyList<(int Id, string FirstName)> athletes, DateOnly today)
    {
        foreach (var (id, name) in athletes)
        {
            if (name == "Freya")
            {
                db.Injuries.Add(new Injury { AthleteId = id, Kind = InjuryKind.Injury, OnsetDate = today.AddDays(-60), BodyArea = "Calf", Severity = InjurySeverity.Moderate, DaysLost = 10, IsSimulated = true, ReturnDate = today.AddDays(-50), Notes = "Calf strain in intervals." });
            }
            else if (name == "Eitan")
            {
                db.Injuries.Add(new Injury { AthleteId = id, Kind = InjuryKind.Illness, OnsetDate = today.AddDays(-20), BodyArea = "General/illness", Severity = InjurySeverity.Mild, DaysLost = 4, IsSimulated = true, ReturnDate = today.AddDays(-16), Notes = "Upper-respiratory infection." });
            }
        }
    }
}
