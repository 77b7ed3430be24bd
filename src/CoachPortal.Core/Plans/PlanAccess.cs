using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans;

/// <summary>Who may read and change library items, templates and athletes' plans.</summary>
internal static class PlanAccess
{
    public static void RequireCoach(Caller caller)
    {
        if (!caller.IsAdmin && !caller.IsCoach)
        {
            throw new ForbiddenException("Only coaches may do this.");
        }
    }

    /// <summary>Library items and templates of the caller's own, or of a team they coach.</summary>
    public static bool CanUse(AppDbContext db, Caller caller, string ownerUserId, int? teamId)
        => caller.IsAdmin || ownerUserId == caller.UserId || (teamId is { } t && db.CanManageTeam(caller, t));

    public static async Task<Athlete> VisibleAthleteAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct)
        => await db.VisibleAthletes(caller).FirstOrDefaultAsync(a => a.Id == athleteId, ct)
           ?? throw new NotFoundException("Athlete not found.");

    public static async Task<Athlete> ManageableAthleteAsync(AppDbContext db, Caller caller, int athleteId, CancellationToken ct)
    {
        var athlete = await VisibleAthleteAsync(db, caller, athleteId, ct);
        if (!db.CanManageTeam(caller, athlete.TeamId))
        {
            throw new ForbiddenException("Only the athlete's coaches may change their plan.");
        }

        return athlete;
    }

    public static async Task SaveAsync(AppDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(what);
        }
    }

    public static ValidationFailedException Invalid(string field, string message) => new([new ValidationError(field, message)]);
}
