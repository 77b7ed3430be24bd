using System.Security.Claims;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Scoring;
using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachPortal.Web.Features.Forecasting;

/// <summary>An athlete's latest forecasts from the active models, and the readiness track.</summary>
internal static class ForecastApi
{
    public static RouteGroupBuilder MapForecastApi(this RouteGroupBuilder api)
    {
        var forecasts = api.MapGroup("/athletes/{athleteId:int}/forecasts").WithTags("Forecasts");
        forecasts.MapGet("/", async Task<Ok<IReadOnlyList<AthleteForecast>>> (int athleteId, ClaimsPrincipal user, ModelService models, CancellationToken ct) =>
            TypedResults.Ok(await models.GetForecastsAsync(Caller.FromPrincipal(user), athleteId, ct)))
            .WithName("GetForecasts").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The latest forecast of each target (readiness, performance, injury risk) with its likely range.");

        forecasts.MapGet("/readiness", async Task<Ok<IReadOnlyList<ForecastTrackPoint>>> (int athleteId, DateOnly? from, ClaimsPrincipal user,
            ModelService models, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await models.GetReadinessTrackAsync(Caller.FromPrincipal(user), athleteId,
                from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-28), ct)))
            .WithName("GetReadinessTrack").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Readiness forecasts placed on the day they forecast, next to the readiness reported that day.");
        return api;
    }
}
