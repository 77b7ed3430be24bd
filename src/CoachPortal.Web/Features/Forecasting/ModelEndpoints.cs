using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Security;

namespace CoachPortal.Web.Features.Forecasting;

/// <summary>Download of a model version's ONNX artifact, for whoever may see the version.</summary>
internal static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelArtifacts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/models/versions/{id:int}/onnx", async (int id, HttpContext http, ModelService models, CancellationToken ct) =>
        {
            try
            {
                var (bytes, fileName) = await models.GetArtifactAsync(Caller.FromPrincipal(http.User), id, ct);
                return Results.File(bytes, "application/octet-stream", fileName);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
        return endpoints;
    }
}
