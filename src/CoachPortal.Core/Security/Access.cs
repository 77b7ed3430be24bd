using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Teams;

namespace CoachPortal.Core.Security;

/// <summary>
/// The one place that says what a caller may see: admins everything, coaches the teams they coach and those
/// teams' athletes, athletes only their own profile. Every feature query starts from these.
/// </summary>
public static class Access
{
    public static IQueryable<Team> VisibleTeams(this AppDbContext db, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return db.Teams;
        }

        if (caller.IsCoach)
        {
            return db.Teams.Where(t => t.Coaches.Any(c => c.UserId == caller.UserId));
        }

        return db.Teams.Where(_ => false);
    }

    public static IQueryable<Athlete> VisibleAthletes(this AppDbContext db, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return db.Athletes;
        }

        var userId = caller.UserId;
        if (caller.IsCoach)
        {
            return db.Athletes.Where(a => a.UserId == userId || a.Team!.Coaches.Any(c => c.UserId == userId));
        }

        return db.Athletes.Where(a => a.UserId == userId);
    }

    /// <summary>
    /// Refuses a caller who may not change the team: "not found" when they cannot even see it (so identifiers
    /// cannot be probed), otherwise "forbidden" with <paramref name="refusal"/>.
    /// </summary>
    public static void RequireManageTeam(this AppDbContext db, Caller caller, int teamId, string refusal)
    {
        if (db.CanManageTeam(caller, teamId))
        {
            return;
        }

        if (!db.VisibleTeams(caller).Any(t => t.Id == teamId))
        {
            throw new NotFoundException("Team not found.");
        }

        throw new ForbiddenException(refusal);
    }

    /// <summary>Whether the caller may change the team's roster and settings (admin, or one of its coaches).</summary>
    public static bool CanManageTeam(this AppDbContext db, Caller caller, int teamId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin
            || (caller.IsCoach && db.TeamCoaches.Any(c => c.TeamId == teamId && c.UserId == caller.UserId));
    }
}
