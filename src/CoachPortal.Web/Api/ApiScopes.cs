namespace CoachPortal.Web.Api;

/// <summary>The token scopes as claim values and the authorization policies that require them.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";

    /// <summary>Any valid token; reads.</summary>
    public const string ReadPolicy = "ApiRead";

    /// <summary>A read/write token; every request that changes something.</summary>
    public const string WritePolicy = "ApiWrite";
}
