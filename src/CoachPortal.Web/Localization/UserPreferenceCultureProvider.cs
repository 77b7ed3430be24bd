using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Localization;

namespace CoachPortal.Web.Localization;

/// <summary>The signed-in user's saved culture, read from their sign-in claims; before the cookie and Accept-Language.</summary>
internal sealed class UserPreferenceCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var culture = PortalCultures.Find(httpContext.User.FindFirst(PreferenceClaims.Culture)?.Value);
        return culture is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }
}
