using System.Security.Claims;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachPortal.Web.Features.Athletes;

/// <summary>One athlete's profile, and the caller's own.</summary>
internal static class AthleteApi
{
    public static RouteGroupBuilder MapAthleteApi(this RouteGroupBuilder api)
    {
        var athletes = api.MapGroup("/athletes").WithTags("Athletes");
        athletes.MapGet("/me", async Task<Results<Ok<AthleteResource>, ProblemHttpResult>> (ClaimsPrincipal user, AthleteService service, CancellationToken ct) =>
            await service.FindOwnAsync(Caller.FromPrincipal(user), ct) is { } own
                ? TypedResults.Ok(AthleteResource.From(own))
                : TypedResults.Problem("Your account is not linked to an athlete profile.", statusCode: StatusCodes.Status404NotFound))
            .WithName("GetOwnAthlete");

        athletes.MapGet("/{athleteId:int}", async Task<Ok<AthleteResource>> (int athleteId, ClaimsPrincipal user, AthleteService service, CancellationToken ct) =>
            TypedResults.Ok(AthleteResource.From(await service.GetAsync(Caller.FromPrincipal(user), athleteId, ct))))
            .WithName("GetAthlete").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
