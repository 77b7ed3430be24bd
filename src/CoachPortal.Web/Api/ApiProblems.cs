using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CoachPortal.Web.Api;

/// <summary>
/// Errors of the API as RFC 9457 problem details. The services' domain exceptions map to statuses here: not found
/// 404 (also for other teams' ids, which the services report as not found), forbidden 403, invalid input 400 with
/// the failing fields, a stale version 412.
/// </summary>
public static class ApiProblems
{
    /// <summary>Runs the endpoint and turns a domain exception into its problem response.</summary>
    public static async ValueTask<object?> MapDomainErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Problem responses carry their own body; the portal's HTML status pages are for browsers.
        if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        try
        {
            return await next(context);
        }
        catch (NotFoundException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (ForbiddenException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ValidationFailedException e)
        {
            var errors = e.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
            return Results.ValidationProblem(errors, e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status412PreconditionFailed);
        }
    }

    /// <summary>Writes a problem response outside an endpoint (authentication, rate limiting).</summary>
    public static async Task WriteAsync(HttpContext http, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = ReasonPhrase(status), Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", http.RequestAborted);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
