using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Users;
using CoachPortal.Learning.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Bench;

/// <summary>
/// Builds a club through the portal's own services (accounts, teams, athletes) and its simulator (one session per
/// training day, the calibrated morning check-ins, a four-week plan per athlete), written in batches.
/// </summary>
internal sealed class ClubBuilder(IServiceProvider services, Caller admin)
{
    public const string Password = "Bench-Password-1";

    public List<int> Teams { get; } = [];

    public List<int> Athletes { get; } = [];

    public int FirstSession { get; private set; }

    public int AthleteProfile { get; private set; }

    /// <summary>Years of history, as built or as read back.</summary>
    public int Years { get; private set; }

    public const string FirstCoachEmail = "coach0@club.bench";

    public const string AthleteEmail = "athlete@club.bench";

    public async Task BuildAsync(int teamCount, int athleteCount, int years)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserAdminService>();
        var teams = sp.GetRequiredService<TeamService>();
        var athletes = sp.GetRequiredService<AthleteService>();
        for (var t = 0; t < teamCount; t++)
        {
            var coach = await users.CreateAsync(admin, $"coach{t}@club.bench", $"Coach {t}", Password, [Roles.Coach]);
            var team = await teams.CreateAsync(admin, new TeamInput { Name = $"Squad {t:D2}", Sport = "Running" });
            await teams.AssignCoachAsync(admin, team, coach);
            Teams.Add(team);
        }

        for (var i = 0; i < athleteCount; i++)
        {
            var team = Teams[i % teamCount];
            Athletes.Add(await athletes.CreateAsync(admin, team, new AthleteInput
            {
                FirstName = $"Ath{i:D4}",
                LastName = $"Club{i % 97:D2}",
                Sex = i % 2 == 0 ? CoachPortal.Core.Athletes.Sex.Female : CoachPortal.Core.Athletes.Sex.Male,
                Sport = "Running",
                BirthDate = new DateOnly(1990 + (i % 15), 1 + (i % 12), 1 + (i % 28)),
                BodyMassKg = 55 + (i % 30),
                HeartRateMaxBpm = 185 + (i % 10),
                HeartRateRestBpm = 45 + (i % 10),
            }));
        }

        var athleteUser = await users.CreateAsync(admin, AthleteEmail, "Club Athlete", Password, [Roles.Athlete]);
        AthleteProfile = Athletes[0];
        var factory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Athletes.Where(a => a.Id == AthleteProfile).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, athleteUser));
        }

        Years = years;
        var days = 365 * years;
        var simulator = new AthleteSimulator(new SimulatorOptions { Days = days });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-days);
        var templateId = await TemplateAsync(factory);
        foreach (var chunk in Athletes.Chunk(20))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var athleteId in chunk)
            {
                var simulated = simulator.Simulate((ulong)athleteId);
                var loads = simulated.Days.Select(d => d.Load).ToList();
                for (var d = 0; d < loads.Count; d++)
                {
                    if (loads[d] <= 0)
                    {
                        continue;
                    }

                    var minutes = Math.Clamp((int)(loads[d] * 0.9), 20, 240);
                    db.TrainingSessions.Add(new TrainingSession
                    {
                        AthleteId = athleteId,
                        StartUtc = start.AddDays(d).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
                        Sport = SessionSports.Running,
                        Title = "Simulated run",
                        DurationSeconds = minutes * 60,
                        MovingSeconds = minutes * 58,
                        DistanceMeters = minutes * 180,
                        AvgHeartRateBpm = 140 + (int)(loads[d] % 20),
                        Tss = Math.Round(loads[d], 1),
                        IsSimulated = true,
                    });
                }

                foreach (var checkIn in DemoWellness.CheckIns(athleteId, start, loads, seed: athleteId))
                {
                    if (checkIn is not null)
                    {
                        db.WellnessCheckIns.Add(checkIn);
                    }
                }

                AddPlan(db, templateId, athleteId, today);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            FirstSession = await db.TrainingSessions.Where(s => s.AthleteId == AthleteProfile).OrderByDescending(s => s.StartUtc).Select(s => s.Id).FirstAsync();
        }
    }

    /// <summary>Reads back a club that an earlier run built into the same folder.</summary>
    public async Task ReadAsync()
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Teams.AddRange(await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
        Athletes.AddRange(await db.Athletes.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        AthleteProfile = await db.Athletes.Where(a => a.UserId != null).Select(a => a.Id).FirstAsync();
        FirstSession = await db.TrainingSessions.Where(s => s.AthleteId == AthleteProfile).OrderByDescending(s => s.StartUtc).Select(s => s.Id).FirstAsync();
        // From the simulated check-ins: uploaded corpus files keep their own (older) dates.
        var first = await db.WellnessCheckIns.Where(w => w.AthleteId == AthleteProfile).MinAsync(w => w.Date);
        Years = (int)Math.Round((DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - first.DayNumber) / 365.0);
    }

    private async Task<int> TemplateAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var template = new PlanTemplate { OwnerUserId = admin.UserId, Name = "Club base block", Sport = "Running" };
        db.PlanTemplates.Add(template);
        await db.SaveChangesAsync();
        return template.Id;
    }

    /// <summary>Four weeks of four planned runs from today, as an assigned plan leaves them.</summary>
    private void AddPlan(AppDbContext db, int templateId, int athleteId, DateOnly today)
    {
        var assignment = new PlanAssignment
        {
            PlanTemplateId = templateId,
            AthleteId = athleteId,
            StartDate = today,
            EventDate = today.AddDays(28),
            EventName = "Club 10k",
            CreatedByUserId = admin.UserId,
        };
        for (var d = 0; d < 28; d++)
        {
            if (d % 7 is 1 or 3 or 5 or 6)
            {
                assignment.Sessions.Add(new PlannedSession
                {
                    AthleteId = athleteId,
                    Date = today.AddDays(d),
                    Sport = "Running",
                    Title = d % 7 == 6 ? "Long run" : "Steady run",
                    Text = "45min Z2",
                    TemplateText = "45min Z2",
                    PlannedDurationSeconds = 2700,
                    PlannedTss = 45,
                });
            }
        }

        db.PlanAssignments.Add(assignment);
    }
}
