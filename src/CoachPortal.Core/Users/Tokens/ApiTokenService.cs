using System.Security.Cryptography;
using System.Text;
using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Users.Tokens;

/// <summary>
/// Personal access tokens: each user creates, lists and revokes only their own. A token acts as its owner, so it
/// reaches exactly what the owner may reach; its scope can only narrow that to reading.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> dbFactory, IOptions<ApiTokenOptions> options, TimeProvider clock)
{
    /// <summary>Every token starts with this, so secret scanners and people can recognise one.</summary>
    public const string Prefix = "cpat_";

    /// <summary>How stale <see cref="ApiToken.LastUsedUtc"/> may get before a request writes it again.</summary>
    private static readonly TimeSpan s_lastUsedResolution = TimeSpan.FromMinutes(1);

    public int MaxLifetimeDays => options.Value.MaxLifetimeDays;

    public async Task<CreatedApiToken> CreateAsync(Caller caller, string name, ApiTokenScope scope, int lifetimeDays, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new List<ValidationError>();
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add(new ValidationError("Name", "Give the token a name of 1 to 100 characters."));
        }

        if (lifetimeDays < 1 || lifetimeDays > options.Value.MaxLifetimeDays)
        {
            errors.Add(new ValidationError("LifetimeDays", $"A token lasts from 1 to {options.Value.MaxLifetimeDays} days."));
        }

        if (!Enum.IsDefined(scope))
        {
            errors.Add(new ValidationError("Scope", "Choose read or read/write."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = caller.UserId,
            Name = name,
            TokenHash = Hash(secret),
            DisplayPrefix = secret[..(Prefix.Length + 4)],
            Scope = scope,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(lifetimeDays),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await AuditLog.AddAsync(db, clock, AuditActions.TokenCreated, caller.UserId, $"token \"{name}\"", $"{scope}, expires after {lifetimeDays} days", ct: ct);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(ApiTokenView.From(token), secret);
    }

    /// <summary>The caller's own tokens, newest first, revoked and expired ones included.</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListOwnAsync(Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == caller.UserId)
            .OrderByDescending(t => t.Id).ToListAsync(ct);
        return tokens.Select(ApiTokenView.From).ToList();
    }

    /// <summary>Revokes one of the caller's own tokens at once; another user's token is "not found".</summary>
    public async Task RevokeAsync(Caller caller, int tokenId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == caller.UserId, ct)
            ?? throw new NotFoundException("Token not found.");
        token.RevokedUtc ??= clock.GetUtcNow().UtcDateTime;
        await AuditLog.AddAsync(db, clock, AuditActions.TokenRevoked, caller.UserId, $"token {tokenId}", null, ct: ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The identity behind a presented token, or null when it is unknown, revoked or expired. The lookup is by
    /// hash, so the comparison never touches the secret itself.
    /// </summary>
    public async Task<ApiTokenIdentity?> AuthenticateAsync(string presented, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(presented) || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = Hash(presented);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.RevokedUtc is not null || token.ExpiresUtc <= now)
        {
            return null;
        }

        if (token.LastUsedUtc is not { } used || now - used > s_lastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), ct);
        }

        return new ApiTokenIdentity(token.Id, token.UserId, token.Scope);
    }

    /// <summary>Lower-case hex SHA-256 of the token text: what the database stores and looks up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
