using System.Security.Claims;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoachPortal.Web.Security;

/// <summary>
/// Keeps an admin or coach without two-factor authentication on the authenticator setup page
/// (<see cref="StaffTwoFactorOptions.RequireTwoFactorForStaff"/>).
/// </summary>
public sealed class StaffTwoFactorGate(IOptions<StaffTwoFactorOptions> options, IHostEnvironment environment, UserManager<ApplicationUser> users)
{
    public const string SetupPath = "/Account/Manage/EnableAuthenticator";

    /// <summary>Whether the rule applies to this user at all (staff, with the setting on).</summary>
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var required = options.Value.RequireTwoFactorForStaff ?? !environment.IsDevelopment();
        return required && user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coach));
    }

    /// <summary>Whether this user must set up an authenticator before anything else (read fresh from the store).</summary>
    public async Task<bool> MustSetUpAsync(ClaimsPrincipal user)
    {
        if (!AppliesTo(user))
        {
            return false;
        }

        var account = await users.GetUserAsync(user);
        return account is not null && !await users.GetTwoFactorEnabledAsync(account);
    }

    public static IServiceCollection AddStaffTwoFactor(IServiceCollection services)
    {
        services.AddOptions<StaffTwoFactorOptions>().BindConfiguration(StaffTwoFactorOptions.SectionName);
        services.AddScoped<StaffTwoFactorGate>();
        return services;
    }

    /// <summary>
    /// After authentication: a staff member without 2FA who asks for a page, an endpoint that needs a signed-in user,
    /// or the interactive circuit is redirected to the setup page (a GET) or refused with 403 (anything else).
    /// </summary>
    public static IApplicationBuilder UseStaffTwoFactor(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && IsGated(context)
            && await context.RequestServices.GetRequiredService<StaffTwoFactorGate>().MustSetUpAsync(context.User))
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Redirect(SetupPath);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return;
        }

        await next(context);
    });

    private static bool IsGated(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(SetupPath))
        {
            return false;
        }

        // Signing in (with the second factor) and out stay open; the rest of account management waits for the setup.
        if (path.StartsWithSegments("/Account") && !path.StartsWithSegments("/Account/Manage"))
        {
            return false;
        }

        if (path.StartsWithSegments("/_blazor"))
        {
            return true;
        }

        // Static assets, the health check and token-only endpoints (calendar feeds) hold nothing a cookie unlocks.
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            return false;
        }

        return endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null;
    }
}
