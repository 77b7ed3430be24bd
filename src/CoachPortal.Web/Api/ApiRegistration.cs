using System.Text.Json.Serialization;
using CoachPortal.Web.Features.Athletes;
using CoachPortal.Web.Features.Forecasting;
using CoachPortal.Web.Features.Load;
using CoachPortal.Web.Features.Plans;
using CoachPortal.Web.Features.Sessions;
using CoachPortal.Web.Features.Teams;
using CoachPortal.Web.Features.Wellness;
using CoachPortal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CoachPortal.Web.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: bearer personal access tokens only (never the cookie), a rate limit per
/// token, problem-details errors, its OpenAPI document at <c>/openapi/v1.json</c> and a reference page at
/// <c>/api/reference</c>. Each feature maps its own endpoints and calls the same services as the pages.
/// </summary>
public static class ApiRegistration
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddCoachPortalApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiScopes.ReadPolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(ApiScopes.WritePolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(ApiTokenAuthenticationHandler.ScopeClaim, ApiScopes.Write));
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CoachPortal API";
                document.Info.Description = "Teams, athletes, sessions, wellness, plans, training load and forecasts. "
                    + "Authenticate with a personal access token from your profile page: Authorization: Bearer cpat_…";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (cpat_…).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapCoachPortalApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference", (o, http) => o
            .WithTitle("CoachPortal API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .WithNonce(http.CspNonce()))
            .AllowAnonymous();

        var api = app.MapGroup(Prefix)
            .RequireAuthorization(ApiScopes.ReadPolicy)
            .RequireRateLimiting(ApiRateLimitPolicy.Name)
            .DisableAntiforgery()
            .AddEndpointFilter(ApiProblems.MapDomainErrorsAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapTeamApi();
        api.MapAthleteApi();
        api.MapSessionApi();
        api.MapUploadApi();
        api.MapWellnessApi();
        api.MapPlanApi();
        api.MapLoadApi();
        api.MapForecastApi();
        return app;
    }

    /// <summary>Marks an endpoint as one that changes data: it needs a read/write token.</summary>
    public static RouteHandlerBuilder RequiresWriteScope(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(ApiScopes.WritePolicy).ProducesProblem(StatusCodes.Status403Forbidden);
}
