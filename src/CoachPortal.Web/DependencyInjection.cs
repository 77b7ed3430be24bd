using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Web.Api;
using CoachPortal.Web.Components;
using CoachPortal.Web.Components.Account;
using CoachPortal.Web.Features.Exports;
using CoachPortal.Web.Features.Forecasting;
using CoachPortal.Web.Features.Media;
using CoachPortal.Web.Features.Plans;
using CoachPortal.Web.Features.Sessions;
using CoachPortal.Web.Localization;
using CoachPortal.Web.Security;
using Hangfire;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace CoachPortal.Web;

public static class DependencyInjection
{
    public static WebApplicationBuilder AddCoachPortalWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });

        services.AddPortalLocalization();
        services.AddTransportSecurity(builder.Configuration);
        services.AddSignInRateLimiting();
        services.AddCoachPortalApi();
        // Cookies are Secure whenever the request came over HTTPS (directly or, with forwarded headers, at the proxy).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A signed-in user who may not open a page gets a 403 with the portal's "access denied" page
            // (re-executed below), not a 200 after a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager<TimingSafeSignInManager>();
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        StaffTwoFactorGate.AddStaffTwoFactor(services);

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.StaffPolicy, p => p.RequireRole(Roles.Admin, Roles.Coach));

        if (builder.Environment.IsDevelopment())
        {
            services.AddDatabaseDeveloperPageExceptionFilter();
        }

        return builder;
    }

    public static async Task InitializeCoachPortalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public static WebApplication UseCoachPortalWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        // Redirects only where an HTTPS port is known (configured or listened on); plain-HTTP test hosts pass through.
        app.UseHttpsRedirection();
        app.UseSignInRateLimiting();

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        // After authentication: the signed-in user's saved culture comes before the cookie and Accept-Language.
        app.UseRequestLocalization();
        StaffTwoFactorGate.UseStaffTwoFactor(app);
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapSessionFiles();
        app.MapMedia();
        app.MapModelArtifacts();
        app.MapPlanEndpoints();
        app.MapExports();
        app.MapCoachPortalApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapHangfireDashboardWithAuthorizationPolicy(Roles.AdminPolicy, "/hangfire", new DashboardOptions
        {
            DashboardTitle = "CoachPortal jobs",
            AppPath = "/",
            // The footer would otherwise print the job storage's connection string: the database file's path on the server.
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
