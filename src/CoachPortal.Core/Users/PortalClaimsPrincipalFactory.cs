using System.Globalization;
using System.Security.Claims;
using CoachPortal.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Users;

/// <summary>Identity's principal plus the user's culture and unit preferences (<see cref="PreferenceClaims"/>).</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (PortalCultures.Find(user.Culture) is { } culture)
        {
            identity.AddClaim(new Claim(PreferenceClaims.Culture, culture));
        }

        identity.AddClaim(new Claim(PreferenceClaims.Units, ((int)user.Units).ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
