using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Seeding.Demo;

/// <summary>Gives the demo team a periodised 10 km plan to an event eight weeks out, personalised for each athlete. Runs once.</summary>
public sealed class DemoPlanSeeder(IDbContextFactory<AppDbContext> dbFactory, PlanPersonalisationService personaliser, TimeProvider clock)
{
    public async Task SeedAsync(string teamName, CancellationToken ct = default)
    {
        List<int> assignmentIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var team = await db.Teams.Where(t => t.Name == teamName).Select(t => new { t.Id, Coach = t.Coaches.Select(c => c.UserId).FirstOrDefault() }).FirstOrDefaultAsync(ct);
            if (team?.Coach is null || await db.PlanTemplates.AnyAsync(t => t.TeamId == team.Id, ct))
            {
                return;
            }

            string[] week = ["", "10m warmup @Z1; 5x(3m @Z4, 2m @Z1); 10m cooldown @Z1", "45m @Z2", "", "15m warmup @Z1; 20m @Z3; 10m cooldown @Z1", "", "75m @Z2"];
            var template = new PlanTemplate
            {
                TeamId = team.Id,
                OwnerUserId = team.Coach,
                Name = "Spring 10 km",
                Sport = SessionSports.Running,
                FirstWeekTss = 280,
                RampPercentPerWeek = 5,
                RecoveryEveryWeeks = 4,
                RecoveryWeekFactor = 0.6,
                Blocks = [new PlanBlock { Order = 0, Phase = PlanPhase.Base, Weeks = 3 }, new PlanBlock { Order = 1, Phase = PlanPhase.Build, Weeks = 3 },
                    new PlanBlock { Order = 2, Phase = PlanPhase.Peak, Weeks = 1 }, new PlanBlock { Order = 3, Phase = PlanPhase.Taper, Weeks = 1 }],
            };
            for (var w = 0; w < 8; w++)
            {
                for (var d = 0; d < 7; d++)
                {
                    if (week[d].Length > 0)
                    {
                        template.Sessions.Add(new PlanTemplateSession { WeekIndex = w, DayIndex = d, Sport = SessionSports.Running, Text = week[d], Title = d == 6 ? "Long run" : d == 2 ? "Easy" : "Quality" });
                    }
                }
            }

            db.PlanTemplates.Add(template);
            await db.SaveChangesAsync(ct);
            var today = await AthleteClock.TodayAsync(db, team.Id, clock, ct);
            var start = PlanCalendar.WeekStart(today);
            var assignments = await db.Athletes.Where(a => a.TeamId == team.Id && !a.IsArchived).Select(a => new PlanAssignment
            {
                PlanTemplateId = template.Id,
                AthleteId = a.Id,
                StartDate = start,
                EventDate = start.AddDays(7 * 8 - 1),
                EventName = "City 10k",
                Priority = EventPriority.A,
                CreatedByUserId = team.Coach,
            }).ToListAsync(ct);
            db.PlanAssignments.AddRange(assignments);
            await db.SaveChangesAsync(ct);
            assignmentIds = assignments.Select(a => a.Id).ToList();
        }

        foreach (var id in assignmentIds)
        {
            await personaliser.PersonaliseAsync(id, ct);
        }
    }
}
