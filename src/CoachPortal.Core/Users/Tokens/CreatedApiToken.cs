namespace CoachPortal.Core.Users.Tokens;

/// <summary>A new token and its secret text, which is shown this once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenView Token, string Secret);
