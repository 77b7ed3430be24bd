using System.Security.Claims;

namespace CoachPortal.Core.Security;

/// <summary>
/// Who asks. Every feature service takes one and filters what it reads and refuses what it may not do,
/// so the rules hold whatever page, job or endpoint calls it.
/// </summary>
public sealed record Caller(string UserId, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Roles.Contains(Security.Roles.Admin);

    public bool IsCoach => Roles.Contains(Security.Roles.Coach);

    public bool IsAthlete => Roles.Contains(Security.Roles.Athlete);

    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new ForbiddenException("You are not signed in.");
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(userId, roles);
    }

    public static Caller Of(string userId, params string[] roles) => new(userId, roles.ToHashSet(StringComparer.Ordinal));

    public void RequireAdmin()
    {
        if (!IsAdmin)
        {
            throw new ForbiddenException("Only an administrator may do this.");
        }
    }
}
