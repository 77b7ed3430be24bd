using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;

namespace CoachPortal.Web.Features.Sessions;

/// <summary>Download of original uploaded files, for anyone who may see the file's athlete.</summary>
internal static class SessionFileEndpoints
{
    public static IEndpointRouteBuilder MapSessionFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{id:int}", async (int id, HttpContext http, SessionQueryService sessions, CancellationToken ct) =>
        {
            try
            {
                var file = await sessions.GetOriginalAsync(Caller.FromPrincipal(http.User), id, ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
        return endpoints;
    }
}
