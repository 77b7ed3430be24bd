using System.Security.Claims;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachPortal.Web.Features.Teams;

/// <summary>Teams the token's owner may see, and their athletes.</summary>
internal static class TeamApi
{
    public static RouteGroupBuilder MapTeamApi(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams");
        teams.MapGet("/", async Task<Ok<IReadOnlyList<TeamSummary>>> (ClaimsPrincipal user, TeamService service, bool? includeArchived, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(Caller.FromPrincipal(user), includeArchived ?? false, ct)))
            .WithName("ListTeams").WithSummary("Teams you coach (all teams for an administrator).");

        teams.MapGet("/{teamId:int}", async Task<Ok<TeamSummary>> (int teamId, ClaimsPrincipal user, TeamService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(Caller.FromPrincipal(user), teamId, ct)))
            .WithName("GetTeam").ProducesProblem(StatusCodes.Status404NotFound);

        teams.MapGet("/{teamId:int}/athletes", async Task<Ok<IReadOnlyList<AthleteSummary>>> (int teamId, ClaimsPrincipal user, AthleteService service, bool? includeArchived, CancellationToken ct) =>
            TypedResults.Ok(await service.ListForTeamAsync(Caller.FromPrincipal(user), teamId, includeArchived ?? false, ct)))
            .WithName("ListTeamAthletes").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
