namespace CoachPortal.Core.Users.Tokens;

/// <summary>A token as its owner sees it in the list: never the secret.</summary>
public sealed record ApiTokenView(
    int Id,
    string Name,
    string DisplayPrefix,
    ApiTokenScope Scope,
    DateTime CreatedUtc,
    DateTime ExpiresUtc,
    DateTime? RevokedUtc,
    DateTime? LastUsedUtc)
{
    public bool IsActive(DateTime nowUtc) => RevokedUtc is null && ExpiresUtc > nowUtc;

    internal static ApiTokenView From(ApiToken t) =>
        new(t.Id, t.Name, t.DisplayPrefix, t.Scope, t.CreatedUtc, t.ExpiresUtc, t.RevokedUtc, t.LastUsedUtc);
}
