using CoachPortal.Analytics.Load;
using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Calendar;

/// <summary>Athletes' and teams' planned sessions: read, move, report done or skipped, and availability.</summary>
public sealed class PlanCalendarService(IDbContextFactory<AppDbContext> dbFactory, ChangeNotifier notifier, TimeProvider clock)
{
    public async Task<PlanCalendarView> GetAthleteAsync(Caller caller, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        return await ReadAsync(db, [athleteId], fromDate, toDate, ct);
    }

    public async Task<PlanCalendarView> GetTeamAsync(Caller caller, int teamId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.VisibleAthletes(caller).Where(a => a.TeamId == teamId && !a.IsArchived).Select(a => a.Id).ToListAsync(ct);
        if (ids.Count == 0 && !await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException("Team not found.");
        }

        return await ReadAsync(db, ids, fromDate, toDate, ct);
    }

    /// <summary>The signed-in athlete's own profile id, today's local date, and sessions from today for a week.</summary>
    public async Task<(int AthleteId, DateOnly Today, PlanCalendarView Week)> GetTodayAsync(Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.Athletes.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == caller.UserId, ct)
            ?? throw new NotFoundException("Your account is not linked to an athlete profile.");
        var today = await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
        return (athlete.Id, today, await ReadAsync(db, [athlete.Id], today, today.AddDays(7), ct));
    }

    /// <summary>Today's date in the time zone of the athlete's team.</summary>
    public async Task<DateOnly> TodayOfAthleteAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        return await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
    }

    public async Task<PlannedSessionView> GetSessionAsync(Caller caller, int plannedSessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await LoadVisibleAsync(db, caller, plannedSessionId, ct);
        var view = await ReadAsync(db, [session.AthleteId], session.Date, session.Date, ct);
        return view.Planned.First(p => p.Id == plannedSessionId);
    }

    /// <summary>Coach moves a planned session to another day; a stale version fails with a conflict.</summary>
    public async Task<Guid> MoveAsync(Caller caller, int plannedSessionId, DateOnly newDate, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await LoadVisibleAsync(db, caller, plannedSessionId, ct);
        var athlete = await PlanAccess.ManageableAthleteAsync(db, caller, session.AthleteId, ct);
        if (session.Status != PlannedSessionStatus.Planned)
        {
            throw PlanAccess.Invalid("Date", "A session that is done or skipped stays where it was.");
        }

        var today = await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
        if (newDate < today)
        {
            throw PlanAccess.Invalid("Date", FormattableString.Invariant($"{session.Title} cannot move to {newDate:ddd d MMM}: that day is over. Move it to today or a later day."));
        }

        db.Entry(session).Property(s => s.Version).OriginalValue = expectedVersion;
        session.Date = newDate;
        await PlanAccess.SaveAsync(db, "planned session", ct);
        notifier.Publish(Topics.Athlete(session.AthleteId));
        notifier.Publish(Topics.Team(athlete.TeamId));
        return session.Version;
    }

    /// <summary>
    /// Stores a coach's what-if edits of one athlete's planned sessions, all or nothing: moves, drops (the session is
    /// removed from the plan) and new workout texts (duration and load estimated again). Every session must still be at
    /// the version the coach saw in <paramref name="versions"/>, else nothing is saved and a conflict is reported.
    /// </summary>
    public async Task ApplyEditsAsync(Caller caller, int athleteId, IReadOnlyList<PlanEdit> edits, IReadOnlyDictionary<int, Guid> versions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(versions);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await PlanAccess.ManageableAthleteAsync(db, caller, athleteId, ct);
        var ids = edits.Select(e => e.PlannedSessionId).ToList();
        var sessions = await db.PlannedSessions.Where(s => ids.Contains(s.Id) && s.AthleteId == athleteId).ToDictionaryAsync(s => s.Id, ct);
        var profile = athlete.TrainingProfile();
        foreach (var edit in edits)
        {
            if (!sessions.TryGetValue(edit.PlannedSessionId, out var session))
            {
                throw new NotFoundException("Planned session not found.");
            }

            if (session.Status != PlannedSessionStatus.Planned)
            {
                throw PlanAccess.Invalid("Session", $"{session.Title} on {session.Date:d MMM} is already done or skipped; it cannot be changed.");
            }

            if (!versions.TryGetValue(session.Id, out var expected))
            {
                throw PlanAccess.Invalid("Version", "Each changed session needs the version it was read at.");
            }

            db.Entry(session).Property(s => s.Version).OriginalValue = expected;
            if (edit.Drop)
            {
                db.PlannedSessions.Remove(session);
                await AuditLog.AddAsync(db, clock, AuditActions.Deletion, caller.UserId, $"athlete {session.AthleteId}", $"planned session {session.Id} ({session.Title}, {session.Date:yyyy-MM-dd})", ct: ct);
                continue;
            }

            if (edit.NewDate is { } date)
            {
                session.Date = date;
            }

            if (edit.NewText is { } text)
            {
                if (!WorkoutParser.TryParse(text, out var workout, out var error))
                {
                    throw PlanAccess.Invalid("Text", $"{session.Title}: {error!.Message}");
                }

                var estimate = WorkoutEstimator.Estimate(workout!, session.Sport, profile);
                session.Text = WorkoutFormatter.Format(workout!);
                session.PlannedDurationSeconds = estimate.DurationSeconds;
                session.PlannedTss = estimate.Tss;
                session.ChangeReason = "Changed by the coach.";
            }
        }

        await PlanAccess.SaveAsync(db, "plan", ct);
        notifier.Publish(Topics.Athlete(athleteId));
        notifier.Publish(Topics.Team(athlete.TeamId));
    }

    /// <summary>The athlete (or their coach) marks a session done or skipped, with RPE and comment.</summary>
    public async Task RecordOutcomeAsync(Caller caller, int plannedSessionId, SessionOutcomeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rpe is < 1 or > 10)
        {
            throw PlanAccess.Invalid(nameof(input.Rpe), "RPE is 1–10.");
        }

        if (input.Status == PlannedSessionStatus.Skipped && string.IsNullOrWhiteSpace(input.SkipReason))
        {
            throw PlanAccess.Invalid(nameof(input.SkipReason), "Say why the session was skipped.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await LoadVisibleAsync(db, caller, plannedSessionId, ct);
        session.Status = input.Status;
        session.Rpe = input.Status == PlannedSessionStatus.Done ? input.Rpe : null;
        session.SkipReason = input.Status == PlannedSessionStatus.Skipped ? input.SkipReason!.Trim() : null;
        session.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Athlete(session.AthleteId));
    }

    public async Task<AthletePlanSettings> GetSettingsAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        return await db.AthletePlanSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AthleteId == athleteId, ct)
            ?? new AthletePlanSettings { AthleteId = athleteId };
    }

    /// <summary>Availability is set by the athlete or their coach.</summary>
    public async Task SaveAvailabilityAsync(Caller caller, int athleteId, int availableDaysMask, int? maxMinutesPerDay, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (availableDaysMask is < 1 or > 0x7F || maxMinutesPerDay is < 15 or > 1440)
        {
            throw PlanAccess.Invalid("Availability", "At least one day, and 15–1440 minutes a day when limited.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        if (athlete.UserId != caller.UserId && !db.CanManageTeam(caller, athlete.TeamId))
        {
            throw new ForbiddenException("Only the athlete or their coaches may change availability.");
        }

        var settings = await db.AthletePlanSettings.FirstOrDefaultAsync(s => s.AthleteId == athleteId, ct);
        if (settings is null)
        {
            settings = new AthletePlanSettings { AthleteId = athleteId };
            db.AthletePlanSettings.Add(settings);
        }

        settings.AvailableDaysMask = availableDaysMask;
        settings.MaxMinutesPerDay = maxMinutesPerDay;
        await PlanAccess.SaveAsync(db, "availability", ct);
    }

    internal static async Task<PlannedSession> LoadVisibleAsync(AppDbContext db, Caller caller, int plannedSessionId, CancellationToken ct)
    {
        var visible = db.VisibleAthletes(caller).Select(a => a.Id);
        return await db.PlannedSessions.FirstOrDefaultAsync(s => s.Id == plannedSessionId && visible.Contains(s.AthleteId), ct)
            ?? throw new NotFoundException("Planned session not found.");
    }

    internal static async Task<PlanCalendarView> ReadAsync(AppDbContext db, IReadOnlyCollection<int> athleteIds, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
    {
        var planned = await db.PlannedSessions.AsNoTracking()
            .Where(s => athleteIds.Contains(s.AthleteId) && s.Date >= fromDate && s.Date <= toDate && !s.Assignment!.IsCancelled)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new PlannedSessionView(s.Id, s.PlanAssignmentId, s.AthleteId, s.Assignment!.Athlete!.FirstName + " " + s.Assignment.Athlete.LastName,
                s.Date, s.Sport, s.Title, s.Text, s.PlannedDurationSeconds, s.PlannedTss, s.ChangeReason, s.Status, s.SkipReason, s.Rpe, s.Comment,
                s.CompletedSessionId, s.Version))
            .ToListAsync(ct);
        var completed = await CompletedAsync(db, athleteIds, fromDate, toDate, ct);
        return new PlanCalendarView(planned, completed);
    }

    internal static async Task<List<CompletedSessionView>> CompletedAsync(AppDbContext db, IReadOnlyCollection<int> athleteIds, DateOnly fromDate, DateOnly toDate, CancellationToken ct)
    {
        // A day's margin either side in UTC, then the exact local day in the team's zone.
        var fromUtc = fromDate.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = toDate.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.TrainingSessions.AsNoTracking().CountingTowardLoad()
            .Where(s => athleteIds.Contains(s.AthleteId) && s.StartUtc >= fromUtc && s.StartUtc < toUtc)
            .Select(s => new { s.Id, s.AthleteId, s.Athlete!.TeamId, s.StartUtc, s.Sport, s.Title, s.DurationSeconds, Load = s.Tss ?? s.HrTss ?? s.SessionRpeLoad })
            .ToListAsync(ct);
        var zones = new Dictionary<int, TimeZoneInfo>();
        var result = new List<CompletedSessionView>();
        foreach (var r in rows)
        {
            if (!zones.TryGetValue(r.TeamId, out var zone))
            {
                zone = await AthleteClock.TimeZoneOfTeamAsync(db, r.TeamId, ct);
                zones[r.TeamId] = zone;
            }

            var date = DailyLoadAggregator.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(r.StartUtc, DateTimeKind.Utc)), zone);
            if (date >= fromDate && date <= toDate)
            {
                result.Add(new CompletedSessionView(r.Id, r.AthleteId, date, r.Sport, r.Title, r.DurationSeconds, r.Load));
            }
        }

        return result.OrderBy(r => r.Date).ToList();
    }
}
