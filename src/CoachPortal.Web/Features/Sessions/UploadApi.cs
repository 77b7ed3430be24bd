using System.Security.Claims;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CoachPortal.Web.Features.Sessions;

/// <summary>
/// Device-file uploads: stored and queued for the same import job as the upload page; the answer is 202 with the
/// upload's status URL, which reports the sessions once the job has run.
/// </summary>
internal static class UploadApi
{
    public static RouteGroupBuilder MapUploadApi(this RouteGroupBuilder api)
    {
        var maxBytes = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes;
        api.MapPost("/athletes/{athleteId:int}/uploads", async Task<Results<Accepted<UploadView>, ProblemHttpResult>> (
            int athleteId, IFormFile file, ClaimsPrincipal user, AthleteService athletes, SessionImportService imports, CancellationToken ct) =>
            {
                var caller = Caller.FromPrincipal(user);
                // Another team's athlete is "not found" here as everywhere in the API, not "forbidden".
                await athletes.GetAsync(caller, athleteId, ct);
                if (file.Length > maxBytes)
                {
                    return TypedResults.Problem($"The file is larger than {maxBytes / 1048576} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var view = await imports.UploadAsync(caller, athleteId, file.FileName, buffer.ToArray(), ct);
                return TypedResults.Accepted($"{ApiRegistration.Prefix}/uploads/{view.Id}", view);
            })
            .RequiresWriteScope()
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + (1 << 20)))
            .WithName("UploadSessionFile").WithTags("Uploads")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .WithSummary("multipart/form-data with one field \"file\" (FIT, TCX, GPX, CSV or a zip of them). Poll the Location URL until status is Imported, Failed or Duplicate.");

        api.MapGet("/uploads/{uploadId:int}", async Task<Ok<UploadView>> (int uploadId, ClaimsPrincipal user, SessionImportService imports, CancellationToken ct) =>
            TypedResults.Ok(await imports.GetAsync(Caller.FromPrincipal(user), uploadId, ct)))
            .WithName("GetUpload").WithTags("Uploads").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Where an upload stands; entries name the sessions it created.");
        return api;
    }
}
