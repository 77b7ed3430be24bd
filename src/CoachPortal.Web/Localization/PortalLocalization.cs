using System.Globalization;
using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Localization;

namespace CoachPortal.Web.Localization;

/// <summary>
/// Request cultures: the user's saved preference, then the culture cookie, then Accept-Language, else en-GB. The
/// interactive circuit keeps the culture of the request that opened it, so pages and their inputs agree.
/// </summary>
public static class PortalLocalization
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = PortalCultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                new UserPreferenceCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

    /// <summary>
    /// Writes the culture cookie, so the choice holds on this browser even before sign-in; null deletes it, leaving
    /// the choice to Accept-Language.
    /// </summary>
    public static void WriteCultureCookie(HttpResponse response, string? culture)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (culture is null)
        {
            response.Cookies.Delete(CookieRequestCultureProvider.DefaultCookieName);
            return;
        }

        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });
    }

    /// <summary>The units a signed-in principal chose (metric when it says nothing).</summary>
    public static UnitSystem UnitsOf(System.Security.Claims.ClaimsPrincipal? user) =>
        int.TryParse(user?.FindFirst(PreferenceClaims.Units)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var units)
        && Enum.IsDefined((UnitSystem)units) ? (UnitSystem)units : UnitSystem.Metric;
}
