using System.ComponentModel.DataAnnotations;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Teams;

public sealed class TeamService(IDbContextFactory<AppDbContext> dbFactory, ChangeNotifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamSummary>> ListAsync(Caller caller, bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.VisibleTeams(caller)
            .Where(t => includeArchived || !t.IsArchived)
            .OrderBy(t => t.Name)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.Sport,
                t.Description,
                t.IsArchived,
                t.Version,
                AthleteCount = t.Athletes.Count(a => !a.IsArchived),
                Coaches = t.Coaches.Select(c => new CoachRef(c.UserId, c.User!.DisplayName, c.User.Email ?? "")).ToList(),
            })
            .ToListAsync(ct);
        return teams.Select(t => new TeamSummary(t.Id, t.Name, t.Sport, t.Description, t.IsArchived, t.AthleteCount, t.Coaches, t.Version)).ToList();
    }

    public async Task<TeamSummary> GetAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        var all = await ListAsync(caller, includeArchived: true, ct);
        return all.FirstOrDefault(t => t.Id == teamId) ?? throw new NotFoundException("Team not found.");
    }

    /// <summary>
    /// Creates a team. Admins and coaches may; a coach who creates a team becomes its coach, so a new club can
    /// start without waiting for an administrator.
    /// </summary>
    public async Task<int> CreateAsync(Caller caller, TeamInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin && !caller.IsCoach)
        {
            throw new ForbiddenException("Only coaches and administrators may create teams.");
        }

        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = new Team { Name = input.Name.Trim(), Sport = Clean(input.Sport), Description = Clean(input.Description) };
        if (caller.IsCoach && !caller.IsAdmin)
        {
            team.Coaches.Add(new TeamCoach { UserId = caller.UserId });
        }

        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Teams);
        return team.Id;
    }

    public async Task<Guid> UpdateAsync(Caller caller, int teamId, TeamInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await LoadManageableAsync(db, caller, teamId, ct);
        db.Entry(team).Property(t => t.Version).OriginalValue = expectedVersion;
        team.Name = input.Name.Trim();
        team.Sport = Clean(input.Sport);
        team.Description = Clean(input.Description);
        await SaveAsync(db, ct);
        notifier.Publish(Topics.Team(teamId));
        notifier.Publish(Topics.Teams);
        return team.Version;
    }

    public async Task SetArchivedAsync(Caller caller, int teamId, bool archived, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException("Team not found.");
        team.IsArchived = archived;
        await db.SaveChangesAsync(ct);
        notifier.Publish(Topics.Teams);
        notifier.Publish(Topics.Team(teamId));
    }

    public async Task AssignCoachAsync(Caller caller, int teamId, string coachUserId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException("Team not found.");
        }

        var isCoach = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             where ur.UserId == coachUserId && r.Name == Roles.Coach
                             select ur).AnyAsync(ct);
        if (!isCoach)
        {
            throw new ValidationFailedException([new ValidationError("Coach", "That account does not have the Coach role.")]);
        }

        if (!await db.TeamCoaches.AnyAsync(c => c.TeamId == teamId && c.UserId == coachUserId, ct))
        {
            db.TeamCoaches.Add(new TeamCoach { TeamId = teamId, UserId = coachUserId });
            await AuditLog.AddAsync(db, clock, AuditActions.TeamChanged, caller.UserId, $"team {teamId}", $"coach {coachUserId} added", ct: ct);
            await db.SaveChangesAsync(ct);
        }

        notifier.Publish(Topics.Teams);
        notifier.Publish(Topics.Team(teamId));
    }

    public async Task RemoveCoachAsync(Caller caller, int teamId, string coachUserId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.TeamCoaches.Where(c => c.TeamId == teamId && c.UserId == coachUserId).ExecuteDeleteAsync(ct) > 0)
        {
            await AuditLog.AddAsync(db, clock, AuditActions.TeamChanged, caller.UserId, $"team {teamId}", $"coach {coachUserId} removed", ct: ct);
            await db.SaveChangesAsync(ct);
        }

        notifier.Publish(Topics.Teams);
        notifier.Publish(Topics.Team(teamId));
    }

    /// <summary>Counts of the team's active athletes by sport and position, for the composition chart.</summary>
    public async Task<IReadOnlyList<CompositionBucket>> CompositionAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.VisibleTeams(caller).AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException("Team not found.");
        }

        var rows = await db.Athletes.Where(a => a.TeamId == teamId && !a.IsArchived)
            .GroupBy(a => new { a.Sport, a.Position })
            .Select(g => new { g.Key.Sport, g.Key.Position, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new CompositionBucket(r.Sport ?? "Unspecified", r.Position ?? "Unspecified", r.Count))
            .OrderBy(b => b.Sport, StringComparer.Ordinal).ThenBy(b => b.Position, StringComparer.Ordinal).ToList();
    }

    private static async Task<Team> LoadManageableAsync(AppDbContext db, Caller caller, int teamId, CancellationToken ct)
    {
        var team = await db.VisibleTeams(caller).FirstOrDefaultAsync(t => t.Id == teamId, ct)
            ?? throw new NotFoundException("Team not found.");
        if (!db.CanManageTeam(caller, teamId))
        {
            throw new ForbiddenException("Only the team's coaches may change it.");
        }

        return team;
    }

    private static void Validate(TeamInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            throw new ValidationFailedException(results.Select(r => new ValidationError(r.MemberNames.FirstOrDefault() ?? "", r.ErrorMessage ?? "Invalid.")).ToList());
        }
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("team");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
