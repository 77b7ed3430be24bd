using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Users;

/// <summary>Account administration. Every method is for admins only.</summary>
public sealed class UserAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    AppDbContext identityDb,
    ChangeNotifier notifier,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(Caller caller, string? search = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(u => u.Email!.Contains(s) || u.DisplayName.Contains(s));
        }

        var rows = await query.OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                u.CreatedUtc,
                u.LastSignInUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.Roles.Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd is { } end && end > now, u.CreatedUtc, u.LastSignInUtc)).ToList();
    }

    public async Task<string> CreateAsync(Caller caller, string email, string displayName, string password, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(roles);
        caller.RequireAdmin();
        RequireARole(roles);
        ValidateRoles(roles);
        var user = new ApplicationUser
        {
            UserName = email?.Trim(),
            Email = email?.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email?.Trim() ?? "" : displayName.Trim(),
        };
        Check(await users.CreateAsync(user, password), "Password");
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            // An account without a role can sign in and see nothing: take it back rather than leave it half made.
            await users.DeleteAsync(user);
            Check(added, "Roles");
        }

        await AuditAsync(caller, AuditActions.AccountCreated, user.Id, $"{email} with roles {string.Join(", ", roles.Order(StringComparer.Ordinal))}");
        notifier.Publish(Topics.Users);
        return user.Id;
    }

    public async Task SetRolesAsync(Caller caller, string userId, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(roles);
        caller.RequireAdmin();
        RequireARole(roles);
        ValidateRoles(roles);
        if (userId == caller.UserId && !roles.Contains(Roles.Admin))
        {
            throw new ValidationFailedException([new ValidationError("Roles", "You cannot remove your own Admin role; ask another admin.")]);
        }

        var user = await FindCurrentAsync(userId);
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)), "Roles");
        Check(await users.AddToRolesAsync(user, roles.Except(current)), "Roles");
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(caller, AuditActions.RoleChanged, userId, $"{string.Join(", ", current.Order(StringComparer.Ordinal))} → {string.Join(", ", roles.Order(StringComparer.Ordinal))}");
        notifier.Publish(Topics.Users);
    }

    /// <summary>Locks an account indefinitely (until unlocked) and ends its sessions at the next validation.</summary>
    public async Task SetLockedAsync(Caller caller, string userId, bool locked)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        if (userId == caller.UserId && locked)
        {
            throw new ValidationFailedException([new ValidationError("Lock", "You cannot lock your own account.")]);
        }

        var user = await FindCurrentAsync(userId);
        Check(await users.SetLockoutEnabledAsync(user, true), "Lock");
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null), "Lock");
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(caller, AuditActions.RoleChanged, userId, locked ? "account locked" : "account unlocked");
        notifier.Publish(Topics.Users);
    }

    private async Task AuditAsync(Caller caller, string action, string userId, string detail)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await AuditLog.AddAsync(db, clock, action, caller.UserId, $"user {userId}", detail);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The account as stored now. The identity store's context lives as long as the admin's circuit, and an account it
    /// tracks may have changed since (failed sign-ins, a lockout): saving the stale copy would fail its concurrency
    /// check, and an admin could not unlock it.
    /// </summary>
    private async Task<ApplicationUser> FindCurrentAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("User not found.");
        await identityDb.Entry(user).ReloadAsync();
        return user;
    }

    public async Task<IReadOnlyDictionary<string, int>> AccountsByRoleAsync(Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .GroupBy(n => n).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var withoutRole = await db.Users.CountAsync(u => !db.UserRoles.Any(ur => ur.UserId == u.Id), ct);
        var result = Roles.All.ToDictionary(r => r, r => counts.FirstOrDefault(c => c.Key == r)?.Count ?? 0);
        result["No role"] = withoutRole;
        return result;
    }

    /// <summary>Sign-ins per UTC day over the last <paramref name="days"/> days, zero-filled.</summary>
    public async Task<IReadOnlyList<DailyCount>> SignInsPerDayAsync(Caller caller, int days = 30, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-(days - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var stamps = await db.SignIns.Where(s => s.AtUtc >= from).Select(s => s.AtUtc).ToListAsync(ct);
        var byDay = stamps.GroupBy(s => DateOnly.FromDateTime(s)).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, days).Select(i => today.AddDays(i - (days - 1)))
            .Select(d => new DailyCount(d, byDay.GetValueOrDefault(d))).ToList();
    }

    private static void RequireARole(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0)
        {
            throw new ValidationFailedException([new ValidationError("Roles", "Choose at least one role: an account without a role can sign in but reach nothing.")]);
        }
    }

    private static void ValidateRoles(IEnumerable<string> roles)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException([new ValidationError("Roles", $"Unknown role(s): {string.Join(", ", unknown)}.")]);
        }
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(result.Errors.Select(e => new ValidationError(field, e.Description)).ToList());
        }
    }
}
