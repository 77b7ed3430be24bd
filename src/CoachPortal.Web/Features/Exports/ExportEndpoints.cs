using CoachPortal.Core.Audit;
using CoachPortal.Core.Exports;
using CoachPortal.Core.Security;

namespace CoachPortal.Web.Features.Exports;

/// <summary>CSV exports, the personal-data zip and the audit CSV, with the same access rules as the pages.</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/athletes/{id:int}/{kind}.csv", (int id, string kind, HttpContext http, ExportService exports, CancellationToken ct) =>
            CsvAsync(http, exports, ExportScope.Athlete(id), kind, $"athlete-{id}", ct)).RequireAuthorization();
        endpoints.MapGet("/exports/teams/{id:int}/{kind}.csv", (int id, string kind, HttpContext http, ExportService exports, CancellationToken ct) =>
            CsvAsync(http, exports, ExportScope.Team(id), kind, $"team-{id}", ct)).RequireAuthorization();
        endpoints.MapGet("/exports/athletes/{id:int}/personal-data.zip", async (int id, HttpContext http, ExportService exports, CancellationToken ct) =>
        {
            // Written to a temporary file first, so that a refusal answers 404 instead of a broken download and
            // years of original files never sit in memory; the file goes when the response has been sent.
            var zip = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await exports.PersonalDataAsync(Caller.FromPrincipal(http.User), id, zip, Address(http), ct);
                zip.Position = 0;
                return Results.File(zip, "application/zip", $"personal-data-athlete-{id}.zip");
            }
            catch (NotFoundException)
            {
                await zip.DisposeAsync();
                return Results.NotFound();
            }
            catch
            {
                await zip.DisposeAsync();
                throw;
            }
        }).RequireAuthorization();
        endpoints.MapGet("/admin/audit.csv", async (string? action, string? user, DateTime? from, DateTime? to, HttpContext http, AuditLog audit, CancellationToken ct) =>
        {
            var csv = await audit.CsvAsync(Caller.FromPrincipal(http.User), new AuditFilter(action, user, from, to), ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", "audit.csv");
        }).RequireAuthorization(Roles.AdminPolicy);
        return endpoints;
    }

    private static async Task<IResult> CsvAsync(HttpContext http, ExportService exports, ExportScope scope, string kind, string prefix, CancellationToken ct)
    {
        ExportKind? parsed = kind switch
        {
            "sessions" => ExportKind.Sessions,
            "daily-load" => ExportKind.DailyLoad,
            "wellness" => ExportKind.Wellness,
            _ => null,
        };
        if (parsed is null)
        {
            return Results.NotFound();
        }

        try
        {
            var csv = await exports.CsvAsync(Caller.FromPrincipal(http.User), scope, parsed.Value, Address(http), ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", $"{prefix}-{kind}.csv");
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
    }

    internal static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
