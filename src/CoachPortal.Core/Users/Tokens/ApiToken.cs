namespace CoachPortal.Core.Users.Tokens;

/// <summary>
/// A personal access token for the REST API. Only the SHA-256 of the secret is stored; the secret itself is shown
/// once, when the token is created. A revoked or expired token no longer authenticates.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>What the owner called it ("Garmin sync", "Analysis notebook").</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole token text, prefix included.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the token, so the owner can tell tokens apart.</summary>
    public string DisplayPrefix { get; set; } = "";

    public ApiTokenScope Scope { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime? LastUsedUtc { get; set; }
}
