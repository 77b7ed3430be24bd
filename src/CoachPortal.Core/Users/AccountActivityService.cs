using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Users;

/// <summary>What a signed-in user does to their own account: sign-in stamps and display preferences.</summary>
public sealed class AccountActivityService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordSignInAsync(string userId, string? address = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.SignIns.Add(new SignInRecord { UserId = userId, AtUtc = now });
        await AuditLog.AddAsync(db, clock, AuditActions.SignIn, userId, null, null, address, ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInUtc, now), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a refused sign-in: the account when the e-mail names one, the reason, never the password.</summary>
    public async Task RecordFailedSignInAsync(string email, string reason, string? address = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        await AuditLog.AddAsync(db, clock, AuditActions.SignInFailed, userId, userId is null ? "unknown account" : null, reason, address, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> GetDarkModeAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(ct);
    }

    public async Task SetDarkModeAsync(string userId, bool dark, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark), ct);
    }

    /// <summary>Saves the culture (one of <see cref="PortalCultures.Supported"/>, or null for the browser's) and units.</summary>
    public async Task SetDisplayPreferencesAsync(string userId, string? culture, UnitSystem units, CancellationToken ct = default)
    {
        var supported = PortalCultures.Find(culture);
        if (!string.IsNullOrWhiteSpace(culture) && supported is null)
        {
            throw new ArgumentException($"Culture '{culture}' is not one of {string.Join(", ", PortalCultures.Supported)}.", nameof(culture));
        }

        if (!Enum.IsDefined(units))
        {
            throw new ArgumentOutOfRangeException(nameof(units));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, supported).SetProperty(u => u.Units, units), ct);
    }
}
