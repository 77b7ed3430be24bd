using System.Security.Claims;
using CoachPortal.Core.Security;
using CoachPortal.Core.Wellness;
using CoachPortal.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachPortal.Web.Features.Wellness;

/// <summary>Daily check-ins: read by the athlete and their coaches, written by the athlete for their own today.</summary>
internal static class WellnessApi
{
    public static RouteGroupBuilder MapWellnessApi(this RouteGroupBuilder api)
    {
        var wellness = api.MapGroup("/athletes/{athleteId:int}/wellness").WithTags("Wellness");
        wellness.MapGet("/", async Task<Ok<IEnumerable<WellnessResource>>> (int athleteId, DateOnly? from, DateOnly? to, ClaimsPrincipal user,
            WellnessService service, TimeProvider clock, CancellationToken ct) =>
            {
                var until = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
                var list = await service.ListAsync(Caller.FromPrincipal(user), athleteId, from ?? until.AddDays(-28), until, ct);
                return TypedResults.Ok(list.Select(WellnessResource.From));
            })
            .WithName("ListWellness").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Check-ins between two local dates, inclusive (default: the last four weeks).");

        wellness.MapGet("/today", async Task<Results<Ok<WellnessResource>, NoContent>> (int athleteId, ClaimsPrincipal user, WellnessService service, CancellationToken ct) =>
            await service.GetTodayAsync(Caller.FromPrincipal(user), athleteId, ct) is { } today
                ? TypedResults.Ok(WellnessResource.From(today))
                : TypedResults.NoContent())
            .WithName("GetTodaysWellness").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Today's check-in (the team's local day); 204 while it is still missing.");

        wellness.MapPut("/today", async Task<Ok<WellnessResource>> (int athleteId, WellnessInput input, ClaimsPrincipal user, WellnessService service, CancellationToken ct) =>
            TypedResults.Ok(WellnessResource.From(await service.SaveTodayAsync(Caller.FromPrincipal(user), athleteId, input, ct))))
            .RequiresWriteScope()
            .WithName("SaveTodaysWellness").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .WithSummary("Creates or replaces today's check-in; only the athlete may write their own.");
        return api;
    }
}
