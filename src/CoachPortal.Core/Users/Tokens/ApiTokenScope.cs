namespace CoachPortal.Core.Users.Tokens;

/// <summary>What a token may do: read only, or read and write.</summary>
public enum ApiTokenScope
{
    Read,
    ReadWrite,
}
