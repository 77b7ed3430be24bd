using System.Security.Claims;
using System.Text.Encodings.Web;
using CoachPortal.Core.Data;
using CoachPortal.Core.Users.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoachPortal.Web.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer cpat_…</c> as the token's owner, with the same role claims a cookie
/// sign-in would carry plus the token's id and scope. A locked-out owner's tokens stop working with the account.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "coachportal:api_scope";
    public const string TokenIdClaim = "coachportal:api_token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedToken(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.AuthenticateAsync(presented, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var user = await users.FindByIdAsync(identity.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's account is locked.");
        }

        var principal = await principals.CreateAsync(user);
        var claims = new ClaimsIdentity(
            [
                new Claim(TokenIdClaim, identity.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ScopeClaim, identity.Scope == ApiTokenScope.ReadWrite ? ApiScopes.Write : ApiScopes.Read),
            ],
            SchemeName);
        principal.AddIdentity(claims);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"CoachPortal\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "Send a personal access token as \"Authorization: Bearer cpat_…\"; create one on your profile page.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This token may only read; create a read/write token to make changes.");
    }

    /// <summary>The bearer token of the request, or null when it carries none.</summary>
    public static string? PresentedToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && header.Length > bearer.Length
            ? header[bearer.Length..].Trim()
            : null;
    }
}
