using System.Security.Claims;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachPortal.Web.Features.Sessions;

/// <summary>An athlete's sessions: a filtered, paged list, one session's metrics, its streams and its original file.</summary>
internal static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/athletes/{athleteId:int}/sessions", async Task<Ok<SessionListPage>> (int athleteId, ClaimsPrincipal user, SessionQueryService sessions,
            string? sport, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await sessions.ListAsync(Caller.FromPrincipal(user), athleteId,
                new SessionFilter { Sport = sport, From = from, To = to, Page = page ?? 0, PageSize = pageSize ?? 25 }, ct)))
            .WithName("ListSessions").WithTags("Sessions").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Newest first; page is 0-based, pageSize 1–200 (default 25); from and to are inclusive UTC dates.");

        var sessionsGroup = api.MapGroup("/sessions").WithTags("Sessions");
        sessionsGroup.MapGet("/{sessionId:int}", async Task<Ok<SessionResource>> (int sessionId, ClaimsPrincipal user, SessionQueryService sessions, CancellationToken ct) =>
            TypedResults.Ok(SessionResource.From(await sessions.GetAsync(Caller.FromPrincipal(user), sessionId, maxPoints: 3, ct), ApiRegistration.Prefix)))
            .WithName("GetSession").ProducesProblem(StatusCodes.Status404NotFound);

        sessionsGroup.MapGet("/{sessionId:int}/streams", async Task<Results<Ok<SessionStreamsResource>, ContentHttpResult>> (
            int sessionId, string? format, HttpRequest request, ClaimsPrincipal user, SessionQueryService sessions, CancellationToken ct) =>
            {
                var streams = SessionStreamsResource.From(sessionId, await sessions.GetStreamsAsync(Caller.FromPrincipal(user), sessionId, ct));
                var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                    || (format is null && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
                return csv ? TypedResults.Text(streams.ToCsv(), "text/csv; charset=utf-8") : TypedResults.Ok(streams);
            })
            .WithName("GetSessionStreams").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Full-resolution 1 Hz streams as JSON, or as CSV with ?format=csv or Accept: text/csv.");

        api.MapGet("/files/{fileId:int}", async Task<FileContentHttpResult> (int fileId, ClaimsPrincipal user, SessionQueryService sessions, CancellationToken ct) =>
            {
                var file = await sessions.GetOriginalAsync(Caller.FromPrincipal(user), fileId, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("GetOriginalFile").WithTags("Sessions").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The file as it was uploaded.");
        return api;
    }
}
