using CoachPortal.Core.Media;
using CoachPortal.Core.Security;

namespace CoachPortal.Web.Features.Media;

/// <summary>
/// The bytes behind the media panel and the pose page: originals (with range requests, so a video seeks), thumbnails,
/// and pose landmarks in and out. The services decide who sees what. The POSTs take JSON or an image body, which a
/// cross-site form cannot send without a CORS preflight this app never grants.
/// </summary>
internal static class MediaEndpoints
{
    private const long MaxPosterBytes = 4L * 1024 * 1024;

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        var media = endpoints.MapGroup("/media/{id:int}").RequireAuthorization();
        media.MapGet("/content", (int id, HttpContext http, MediaService service, CancellationToken ct) => Guard(async () =>
        {
            var file = await service.ContentAsync(Caller.FromPrincipal(http.User), id, ct);
            return Results.File(file.Content, file.ContentType, enableRangeProcessing: true);
        }));
        media.MapGet("/thumbnail", (int id, HttpContext http, MediaService service, CancellationToken ct) => Guard(async () =>
            await service.ThumbnailAsync(Caller.FromPrincipal(http.User), id, ct) is { } jpeg ? Results.File(jpeg, "image/jpeg") : Results.NotFound()));
        media.MapGet("/keypoints", (int id, HttpContext http, MediaAnalysisService service, CancellationToken ct) => Guard(async () =>
            await service.PoseAsync(Caller.FromPrincipal(http.User), id, ct) is { } pose
                ? Results.Ok(new { framesPerSecond = pose.FramesPerSecond, aspectRatio = pose.AspectRatio, frames = pose.FrameCount, values = pose.Values })
                : Results.NotFound()));
        media.MapPost("/keypoints", (int id, PoseBatch batch, HttpContext http, MediaAnalysisService service, CancellationToken ct) => Guard(async () =>
            Results.Ok(new { frames = await service.SaveKeypointsAsync(Caller.FromPrincipal(http.User), id, batch, ct) })));
        media.MapPost("/poster", (int id, int width, int height, HttpContext http, MediaService service, CancellationToken ct) => Guard(async () =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, ct);
            if (body.Length > MaxPosterBytes)
            {
                return Results.BadRequest();
            }

            await service.SetPosterAsync(Caller.FromPrincipal(http.User), id, body.ToArray(), width, height, ct);
            return Results.NoContent();
        }));
        return endpoints;
    }

    private static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (ForbiddenException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ValidationFailedException ex)
        {
            return Results.ValidationProblem(ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
    }
}
