using System.Globalization;
using System.Text;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Audit;

/// <summary>
/// The append-only audit trail: services write a line for every action a data-protection officer would ask about;
/// only admins read it. Lines are never updated; the retention job deletes those past <see cref="AuditOptions.RetentionDays"/>.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IOptions<AuditOptions> options)
{
    /// <summary>Appends a line in its own transaction.</summary>
    public async Task RecordAsync(string action, string? userId, string? target, string? detail = null, string? address = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AddAsync(db, clock, action, userId, target, detail, address, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a line to <paramref name="db"/>, saved with the caller's own changes (same transaction).</summary>
    public static async Task AddAsync(AppDbContext db, TimeProvider clock, string action, string? userId, string? target, string? detail = null, string? address = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var email = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        db.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserEmail = email,
            Action = action,
            Target = Limit(target, 200),
            Detail = Limit(detail, 1000),
            Address = Limit(address, 64),
        });
    }

    /// <summary>The newest lines matching <paramref name="filter"/>; admins only.</summary>
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(Caller caller, AuditFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        caller.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(e => e.UserEmail != null && e.UserEmail.Contains(user));
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.AtUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.AtUtc < to);
        }

        return await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(Math.Clamp(filter.Take, 1, 100_000)).ToListAsync(ct);
    }

    /// <summary>The lines matching <paramref name="filter"/> as CSV (formula-like cells neutralised); admins only.</summary>
    public async Task<string> CsvAsync(Caller caller, AuditFilter filter, CancellationToken ct = default)
    {
        var entries = await QueryAsync(caller, filter with { Take = 100_000 }, ct);
        var csv = new CsvText("time_utc", "user", "action", "target", "detail", "address");
        foreach (var e in entries)
        {
            csv.Row(e.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.UserEmail ?? e.UserId, e.Action, e.Target, e.Detail, e.Address);
        }

        await RecordAsync(AuditActions.Export, caller.UserId, "audit trail", $"{entries.Count} lines", ct: ct);
        return csv.ToString();
    }

    /// <summary>Deletes lines older than the retention period and records that it did.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Set<AuditEntry>().Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            await AddAsync(db, clock, AuditActions.RetentionPurge, null, "audit trail", string.Create(CultureInfo.InvariantCulture, $"{deleted} lines older than {options.Value.RetentionDays} days"), ct: ct);
            await db.SaveChangesAsync(ct);
        }

        return deleted;
    }

    private static string? Limit(string? text, int length) =>
        text is null || text.Length <= length ? text : new StringBuilder(text, 0, length - 1, length).Append('…').ToString();
}
