using System.Security.Cryptography;
using System.Text;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Plans.Calendar;

/// <summary>
/// The athlete's iCal feed behind a secret URL. Only the token's SHA-256 is stored, so a database read does not leak
/// working feed URLs; issuing a new token revokes the old one.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Issues (or replaces) the feed token; returned once, to be shown to the athlete as a URL.</summary>
    public async Task<string> IssueAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        await SetHashAsync(caller, athleteId, Hash(token), ct);
        return token;
    }

    public Task RevokeAsync(Caller caller, int athleteId, CancellationToken ct = default) => SetHashAsync(caller, athleteId, null, ct);

    public async Task<bool> HasFeedAsync(Caller caller, int athleteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        return await db.AthletePlanSettings.AnyAsync(s => s.AthleteId == athleteId && s.FeedTokenHash != null, ct);
    }

    /// <summary>The feed for a token, or null when the token is unknown or revoked. Covers 4 weeks back and 26 ahead.</summary>
    public async Task<string?> RenderAsync(string token, string host, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await db.AthletePlanSettings.AsNoTracking().Where(s => s.FeedTokenHash == hash)
            .Join(db.Athletes, s => s.AthleteId, a => a.Id, (s, a) => new { a.Id, a.FirstName }).FirstOrDefaultAsync(ct);
        if (athlete is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var view = await PlanCalendarService.ReadAsync(db, [athlete.Id], today.AddDays(-28), today.AddDays(7 * 26), ct);
        return IcsWriter.Write($"{athlete.FirstName}'s training plan", view.Planned, now, host);
    }

    private async Task SetHashAsync(Caller caller, int athleteId, string? hash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var athlete = await PlanAccess.VisibleAthleteAsync(db, caller, athleteId, ct);
        if (athlete.UserId != caller.UserId && !db.CanManageTeam(caller, athlete.TeamId))
        {
            throw new ForbiddenException("Only the athlete or their coaches may manage the calendar feed.");
        }

        var settings = await db.AthletePlanSettings.FirstOrDefaultAsync(s => s.AthleteId == athleteId, ct);
        if (settings is null)
        {
            settings = new AthletePlanSettings { AthleteId = athleteId };
            db.AthletePlanSettings.Add(settings);
        }

        settings.FeedTokenHash = hash;
        await db.SaveChangesAsync(ct);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
