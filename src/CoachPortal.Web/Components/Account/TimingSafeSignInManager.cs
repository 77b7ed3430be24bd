using CoachPortal.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoachPortal.Web.Components.Account;

/// <summary>
/// Identity's sign-in manager, except that a name with no account costs the same as a wrong password: the password
/// hasher runs against a dummy hash, so the answer's timing does not tell which e-mail addresses have accounts.
/// </summary>
internal sealed class TimingSafeSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IPasswordHasher<ApplicationUser> passwordHasher)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser s_nobody = new() { UserName = "nobody" };
    private static string? s_dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // Same hasher, same iteration count as a real account's hash.
            s_dummyHash ??= passwordHasher.HashPassword(s_nobody, Guid.NewGuid().ToString("N"));
            passwordHasher.VerifyHashedPassword(s_nobody, s_dummyHash, password ?? string.Empty);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}
