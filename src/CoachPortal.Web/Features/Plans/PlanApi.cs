using System.Security.Claims;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Security;
using CoachPortal.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CoachPortal.Web.Features.Plans;

/// <summary>
/// Calendars and planned sessions. A planned session's concurrency token is its ETag; a change must send it back
/// as If-Match, and a stale one is refused with 412 as the calendar page refuses a stale save.
/// </summary>
internal static class PlanApi
{
    public static RouteGroupBuilder MapPlanApi(this RouteGroupBuilder api)
    {
        api.MapGet("/athletes/{athleteId:int}/calendar", async Task<Ok<PlanCalendarView>> (int athleteId, DateOnly? from, DateOnly? to, ClaimsPrincipal user,
            PlanCalendarService calendar, TimeProvider clock, CancellationToken ct) =>
            {
                var (start, end) = Range(from, to, clock);
                return TypedResults.Ok(await calendar.GetAthleteAsync(Caller.FromPrincipal(user), athleteId, start, end, ct));
            })
            .WithName("GetAthleteCalendar").WithTags("Plans").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Planned and completed sessions between two dates, inclusive (default: this week and the next three).");

        api.MapGet("/teams/{teamId:int}/calendar", async Task<Ok<PlanCalendarView>> (int teamId, DateOnly? from, DateOnly? to, ClaimsPrincipal user,
            PlanCalendarService calendar, TimeProvider clock, CancellationToken ct) =>
            {
                var (start, end) = Range(from, to, clock);
                return TypedResults.Ok(await calendar.GetTeamAsync(Caller.FromPrincipal(user), teamId, start, end, ct));
            })
            .WithName("GetTeamCalendar").WithTags("Plans").ProducesProblem(StatusCodes.Status404NotFound);

        var planned = api.MapGroup("/planned-sessions").WithTags("Plans");
        planned.MapGet("/{plannedSessionId:int}", async Task<Ok<PlannedSessionView>> (int plannedSessionId, HttpResponse response, ClaimsPrincipal user,
            PlanCalendarService calendar, CancellationToken ct) =>
            {
                var session = await calendar.GetSessionAsync(Caller.FromPrincipal(user), plannedSessionId, ct);
                response.Headers.ETag = ETagOf(session.Version);
                return TypedResults.Ok(session);
            })
            .WithName("GetPlannedSession").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The session, with its version as ETag for a later If-Match.");

        planned.MapPatch("/{plannedSessionId:int}", async Task<Results<Ok<PlannedSessionView>, ProblemHttpResult>> (int plannedSessionId,
            PlannedSessionChange change, HttpRequest request, HttpResponse response, ClaimsPrincipal user, PlanCalendarService calendar, CancellationToken ct) =>
            {
                var caller = Caller.FromPrincipal(user);
                var current = await calendar.GetSessionAsync(caller, plannedSessionId, ct);
                if (ExpectedVersion(request) is not { } expected)
                {
                    return MissingIfMatch();
                }

                var edit = new PlanEdit(plannedSessionId, NewDate: change.Date, NewText: change.Text);
                await calendar.ApplyEditsAsync(caller, current.AthleteId, [edit], new Dictionary<int, Guid> { [plannedSessionId] = expected }, ct);
                var updated = await calendar.GetSessionAsync(caller, plannedSessionId, ct);
                response.Headers.ETag = ETagOf(updated.Version);
                return TypedResults.Ok(updated);
            })
            .RequiresWriteScope()
            .WithName("ChangePlannedSession").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("A coach moves the session or replaces its workout text. Requires If-Match with the ETag last read.");

        planned.MapDelete("/{plannedSessionId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int plannedSessionId, HttpRequest request,
            ClaimsPrincipal user, PlanCalendarService calendar, CancellationToken ct) =>
            {
                var caller = Caller.FromPrincipal(user);
                var current = await calendar.GetSessionAsync(caller, plannedSessionId, ct);
                if (ExpectedVersion(request) is not { } expected)
                {
                    return MissingIfMatch();
                }

                await calendar.ApplyEditsAsync(caller, current.AthleteId, [new PlanEdit(plannedSessionId, Drop: true)],
                    new Dictionary<int, Guid> { [plannedSessionId] = expected }, ct);
                return TypedResults.NoContent();
            })
            .RequiresWriteScope()
            .WithName("DropPlannedSession").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("A coach drops the session from the plan. Requires If-Match.");

        planned.MapPost("/{plannedSessionId:int}/outcome", async Task<NoContent> (int plannedSessionId, SessionOutcomeInput outcome, ClaimsPrincipal user,
            PlanCalendarService calendar, CancellationToken ct) =>
            {
                await calendar.RecordOutcomeAsync(Caller.FromPrincipal(user), plannedSessionId, outcome, ct);
                return TypedResults.NoContent();
            })
            .RequiresWriteScope()
            .WithName("RecordPlannedSessionOutcome").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .WithSummary("The athlete or their coach marks the session done (with RPE) or skipped (with a reason).");
        return api;
    }

    public static string ETagOf(Guid version) => new EntityTagHeaderValue($"\"{version:N}\"").ToString();

    /// <summary>The version named by If-Match; an unparseable tag counts as stale (a version that matches nothing).</summary>
    private static Guid? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag) && !tag.IsWeak
            && Guid.TryParseExact(tag.Tag.Value?.Trim('"'), "N", out var version)
            ? version
            : Guid.Empty;
    }

    private static ProblemHttpResult MissingIfMatch() => TypedResults.Problem(
        "Send the ETag you last read as If-Match, so that a change made by someone else in between is not overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    private static (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return (start, to ?? start.AddDays(27));
    }
}
