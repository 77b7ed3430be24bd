using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Wellness;

/// <summary>
/// Daily check-ins. Only the athlete writes their own, and only for today (their team's local day), as often as
/// they like that day; they and their coaches read them, nobody else.
/// </summary>
public sealed class WellnessService(IDbContextFactory<AppDbContext> dbFactory, ChangeNotifier notifier, TimeProvider clock)
{
    /// <summary>Creates or replaces today's check-in of the caller's own athlete profile.</summary>
    public async Task<WellnessCheckIn> SaveTodayAsync(Caller caller, int athleteId, WellnessInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        if (athlete.UserId != caller.UserId)
        {
            throw new ForbiddenException("Only the athlete can fill in their own check-in.");
        }

        var errors = WellnessValidator.Validate(input);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var today = await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
        var checkIn = await db.WellnessCheckIns.FirstOrDefaultAsync(w => w.AthleteId == athleteId && w.Date == today, ct);
        if (checkIn is null)
        {
            checkIn = new WellnessCheckIn { AthleteId = athleteId, Date = today, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.WellnessCheckIns.Add(checkIn);
        }

        input.ApplyTo(checkIn);
        checkIn.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Athlete(athleteId));
        notifier.Publish(Topics.Team(athlete.TeamId));
        return checkIn;
    }

    /// <summary>Today's check-in of a visible athlete, or null when it is still missing.</summary>
    public async Task<WellnessCheckIn?> GetTodayAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.VisibleAthletes(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct)
            ?? throw new NotFoundException("Athlete not found.");
        var today = await AthleteClock.TodayAsync(db, athlete.TeamId, clock, ct);
        return await db.WellnessCheckIns.AsNoTracking().FirstOrDefaultAsync(w => w.AthleteId == athleteId && w.Date == today, ct);
    }

    /// <summary>A visible athlete's check-ins between two local dates (inclusive), oldest first.</summary>
    public async Task<IReadOnlyList<WellnessCheckIn>> ListAsync(Caller caller, int athleteId, DateOnly fromDate, DateOnly toDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleAthletes(caller).AnyAsync(a => a.Id == athleteId, ct))
        {
            throw new NotFoundException("Athlete not found.");
        }

        return await db.WellnessCheckIns.AsNoTracking()
            .Where(w => w.AthleteId == athleteId && w.Date >= fromDate && w.Date <= toDate)
            .OrderBy(w => w.Date)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The caller's own athlete profile id when today's check-in is missing (for the reminder badge); null for
    /// staff, unlinked accounts and athletes who have checked in.
    /// </summary>
    public async Task<int?> MissingTodayAsync(Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAthlete)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = await db.Athletes.AsNoTracking().Where(a => a.UserId == caller.UserId && !a.IsArchived)
            .Select(a => new { a.Id, a.TeamId }).FirstOrDefaultAsync(ct);
        if (own is null)
        {
            return null;
        }

        var today = await AthleteClock.TodayAsync(db, own.TeamId, clock, ct);
        return await db.WellnessCheckIns.AnyAsync(w => w.AthleteId == own.Id && w.Date == today, ct) ? null : own.Id;
    }
}
