using System.Security.Claims;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachPortal.Web.Features.Load;

/// <summary>An athlete's daily training load: fitness, fatigue, form and workload ratios.</summary>
internal static class LoadApi
{
    public static RouteGroupBuilder MapLoadApi(this RouteGroupBuilder api)
    {
        api.MapGet("/athletes/{athleteId:int}/training-load", async Task<Ok<IEnumerable<DailyLoadResource>>> (int athleteId, DateOnly? from, DateOnly? to,
            ClaimsPrincipal user, AthleteDashboardService dashboard, TimeProvider clock, CancellationToken ct) =>
            {
                var until = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var days = await dashboard.GetDailyLoadsAsync(Caller.FromPrincipal(user), athleteId, from ?? until.AddDays(-90), until, ct);
                return TypedResults.Ok(days.Select(DailyLoadResource.From));
            })
            .WithName("GetTrainingLoad").WithTags("Training load").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One row per local day between two dates, inclusive (default: the last 90 days).");
        return api;
    }
}
