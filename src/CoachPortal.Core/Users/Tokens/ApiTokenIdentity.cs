namespace CoachPortal.Core.Users.Tokens;

/// <summary>Whose a presented token is and what it may do; only for a token that is neither revoked nor expired.</summary>
public sealed record ApiTokenIdentity(int TokenId, string UserId, ApiTokenScope Scope);
