using System.Globalization;
using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Planning;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load.Recompute;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Assignment;

/// <summary>
/// Assigns templates and writes each athlete's personalised sessions. Re-personalising replaces the sessions from
/// today on that are still only planned, in one transaction; past, done and skipped sessions are kept.
/// </summary>
public sealed class PlanPersonalisationService(
    IDbContextFactory<AppDbContext> dbFactory,
    IPlanForecastAdvisor advisor,
    LoadRecomputeJob loads,
    ChangeNotifier notifier,
    TimeProvider clock,
    IBackgroundJobClient jobs)
{
    /// <summary>Days of load history the personaliser and projection start from (covers CTL's 42-day constant well).</summary>
    public const int HistoryDays = 120;

    public async Task<PlanAssignmentResult> AssignAsync(Caller caller, PlanAssignmentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        if (input.EventDate < input.StartDate || input.EventDate > input.StartDate.AddDays(7 * PlanTemplateService.MaxWeeks))
        {
            throw PlanAccess.Invalid(nameof(input.EventDate), "The event is on or after the start date and within a year.");
        }

        if (string.IsNullOrWhiteSpace(input.EventName) || input.MaxRampPerWeek is < 1 or > 20 || input.MaxHighIntensityShare is < 0.05 or > 1)
        {
            throw PlanAccess.Invalid(nameof(input.EventName), "Name the event; ramp limit 1–20 CTL a week; high-intensity share 5–100 %.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PlanTemplateService.LoadAsync(db, caller, input.TemplateId, ct);
        List<int> athleteIds;
        if (input.AthleteId is { } one)
        {
            await PlanAccess.ManageableAthleteAsync(db, caller, one, ct);
            athleteIds = [one];
        }
        else if (input.TeamId is { } teamId)
        {
            if (!await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
            {
                throw new NotFoundException("Team not found.");
            }

            if (!db.CanManageTeam(caller, teamId))
            {
                throw new ForbiddenException("Only the team's coaches may assign plans to it.");
            }

            athleteIds = await db.Athletes.Where(a => a.TeamId == teamId && !a.IsArchived).Select(a => a.Id).ToListAsync(ct);
        }
        else
        {
            throw PlanAccess.Invalid(nameof(input.AthleteId), "Choose an athlete or a team.");
        }

        var assignments = athleteIds.Select(id => new PlanAssignment
        {
            PlanTemplateId = input.TemplateId,
            AthleteId = id,
            StartDate = input.StartDate,
            EventDate = input.EventDate,
            EventName = input.EventName.Trim(),
            Priority = input.Priority,
            MaxRampPerWeek = input.MaxRampPerWeek,
            OverrideAcwr = input.OverrideAcwr,
            MaxHighIntensityShare = input.MaxHighIntensityShare,
            CreatedByUserId = caller.UserId,
        }).ToList();
        db.PlanAssignments.AddRange(assignments);
        await db.SaveChangesAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        if (input.AthleteId is not null)
        {
            await PersonaliseAsync(ids[0], ct);
            return new PlanAssignmentResult(ids, false);
        }

        jobs.Enqueue<PlanPersonalisationJob>(j => j.RunAsync(ids.ToArray(), CancellationToken.None));
        return new PlanAssignmentResult(ids, true);
    }

    /// <summary>Progress of assignments the caller may see (others are left out), for the page that waits on the job.</summary>
    public async Task<IReadOnlyList<PlanAssignmentProgress>> GetProgressAsync(Caller caller, IReadOnlyCollection<int> assignmentIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(assignmentIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        var assignments = await db.PlanAssignments.AsNoTracking()
            .Where(a => assignmentIds.Contains(a.Id) && visible.Contains(a.AthleteId))
            .Select(a => new { a.Id, a.AthleteId, Name = a.Athlete!.FirstName + " " + a.Athlete.LastName, a.PersonalisedUtc })
            .ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var sessions = await db.PlannedSessions.AsNoTracking()
            .Where(s => ids.Contains(s.PlanAssignmentId))
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.PlanAssignmentId, s.Date, s.Title, s.PlannedTss, s.ChangeReason })
            .ToListAsync(ct);
        return assignments.OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a =>
        {
            var own = sessions.Where(s => s.PlanAssignmentId == a.Id).ToList();
            return new PlanAssignmentProgress(a.Id, a.AthleteId, a.Name, a.PersonalisedUtc is not null, own.Count, Math.Round(own.Sum(s => s.PlannedTss)),
                own.Where(s => s.ChangeReason is not null)
                    .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Date:ddd d MMM} · {s.Title}: {s.ChangeReason}"))
                    .ToList());
        }).ToList();
    }


    /// <summary>Writes the assignment's sessions from today on; used by the job and in-process for one athlete.</summary>
    public async Task PersonaliseAsync(int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // The plan starts from the stored daily loads: bring them up to date first when sessions arrived since the last
        // computation (a plan assigned right after an import would otherwise read an athlete as untrained).
        var athleteId = await db.PlanAssignments.Where(a => a.Id == assignmentId).Select(a => (int?)a.AthleteId).FirstOrDefaultAsync(ct);
        if (athleteId is { } id && await db.LoadRecomputeStates.AnyAsync(s => s.AthleteId == id && s.DirtyFromDate != null, ct))
        {
            await loads.RunAsync(id, ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var assignment = await db.PlanAssignments.Include(a => a.Athlete).FirstOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null || assignment.IsCancelled)
        {
            return;
        }

        var template = await db.PlanTemplates.AsNoTracking().Include(t => t.Blocks).Include(t => t.Sessions).AsSplitQuery()
            .FirstAsync(t => t.Id == assignment.PlanTemplateId, ct);
        var athlete = assignment.Athlete!;
        var today = await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
        var settings = await db.AthletePlanSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AthleteId == athlete.Id, ct) ?? new AthletePlanSettings();
        var from = today > assignment.StartDate ? today : assignment.StartDate;
        var drafts = Drafts(template, assignment.StartDate, from, assignment.EventDate);
        var (historyStart, history, fitness) = await HistoryAsync(db, athlete.Id, from, ct);
        var loadSettings = await db.TeamLoadSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TeamId == athlete.TeamId, ct) ?? new TeamLoadSettings { TeamId = athlete.TeamId };
        var loadOptions = loadSettings.ToTrainingLoadOptions() with { InitialCtl = fitness.Ctl, InitialAtl = fitness.Atl };
        var advice = drafts.All(d => d.OutsidePlan) ? [] : await advisor.AdviseAsync(athlete.Id, from, assignment.EventDate, ct);
        var personalised = PlanPersonaliser.Personalise(
            drafts,
            athlete.TrainingProfile(),
            historyStart,
            history,
            template.FirstWeekTss,
            new PersonalisationConstraints
            {
                MaxRampPerWeek = assignment.MaxRampPerWeek,
                OverrideAcwr = assignment.OverrideAcwr,
                MaxHighIntensityShare = assignment.MaxHighIntensityShare,
                AvailableDaysMask = settings.AvailableDaysMask,
                MaxMinutesPerDay = settings.MaxMinutesPerDay,
                EventDate = assignment.EventDate,
            },
            advice,
            loadOptions);

        await db.PlannedSessions.Where(s => s.PlanAssignmentId == assignmentId && s.Date >= from && s.Status == PlannedSessionStatus.Planned)
            .ExecuteDeleteAsync(ct);
        foreach (var p in personalised.Where(p => p.Text.Length > 0))
        {
            db.PlannedSessions.Add(new PlannedSession
            {
                PlanAssignmentId = assignmentId,
                AthleteId = athlete.Id,
                Date = p.Date,
                Sport = p.Sport,
                Title = p.Title,
                Text = p.Text,
                TemplateText = p.TemplateText,
                PlannedDurationSeconds = p.DurationSeconds,
                PlannedTss = p.Tss,
                ChangeReason = p.ChangeReason,
            });
        }

        assignment.PersonalisedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        notifier.Publish(Topics.Athlete(athlete.Id));
        notifier.Publish(Topics.Team(athlete.TeamId));
    }

    internal static List<PlanDraftSession> Drafts(PlanTemplate template, DateOnly startDate, DateOnly fromDate, DateOnly eventDate)
    {
        var weeks = PlanWeeks.Of(template);
        var firstMonday = PlanCalendar.WeekStart(startDate);
        return template.Sessions
            .Where(s => s.WeekIndex < weeks.Count)
            .Select(s => new PlanDraftSession(firstMonday.AddDays(7 * s.WeekIndex + s.DayIndex), s.Sport, s.Title, s.Text, weeks[s.WeekIndex]))
            .Select(d => d with { OutsidePlan = d.Date < fromDate || d.Date < startDate || d.Date > eventDate })
            .OrderBy(d => d.Date)
            .ToList();
    }

    /// <summary>
    /// Daily primary loads of the <see cref="HistoryDays"/> days before <paramref name="beforeDate"/>, from the first
    /// stored day (rest days are 0), and the stored CTL and ATL of the day before that first day, so that the series
    /// rebuilt from these loads ends on the athlete's stored fitness rather than on a series that started from zero.
    /// </summary>
    internal static async Task<(DateOnly Start, IReadOnlyList<double> Loads, (double Ctl, double Atl) Before)> HistoryAsync(
        AppDbContext db, int athleteId, DateOnly beforeDate, CancellationToken ct)
    {
        var first = beforeDate.AddDays(-HistoryDays);
        var rows = await db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == athleteId && d.Date >= first && d.Date < beforeDate)
            .Select(d => new { d.Date, d.PrimaryLoad }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return (beforeDate, [], (0, 0));
        }

        var start = rows.Min(r => r.Date);
        var loads = new double[beforeDate.DayNumber - start.DayNumber];
        foreach (var r in rows)
        {
            loads[r.Date.DayNumber - start.DayNumber] = r.PrimaryLoad;
        }

        var before = await db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == athleteId && d.Date < start)
            .OrderByDescending(d => d.Date).Select(d => new { d.Date, d.Ctl, d.Atl }).FirstOrDefaultAsync(ct);
        if (before is null)
        {
            return (start, loads, (0, 0));
        }

        // Days without a stored row between it and the window are rest days: fitness and fatigue decay over them.
        var options = TrainingLoadOptions.Default;
        var gap = start.DayNumber - before.Date.DayNumber - 1;
        return (start, loads, (before.Ctl * Math.Pow(1 - options.CtlFactor, gap), before.Atl * Math.Pow(1 - options.AtlFactor, gap)));
    }
}
