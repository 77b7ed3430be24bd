using CoachPortal.Analytics.Workouts;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Web.Features.Plans;

/// <summary>The iCal feed (anonymous, behind its secret token) and FIT workout downloads (signed in, access-checked).</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/plans/feed/{token}.ics", async (string token, HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
        {
            var ics = await feeds.RenderAsync(token, http.Request.Host.Host, ct);
            return ics is null ? Results.NotFound() : Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();

        endpoints.MapGet("/plans/sessions/{id:int}/workout.fit", async (int id, HttpContext http, PlanCalendarService calendar,
            IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, CancellationToken ct) =>
        {
            try
            {
                var session = await calendar.GetSessionAsync(Caller.FromPrincipal(http.User), id, ct);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var athlete = await db.Athletes.AsNoTracking().FirstAsync(a => a.Id == session.AthleteId, ct);
                var bytes = WorkoutFitExporter.Encode(session.Title, session.Sport, WorkoutParser.Parse(session.Text), athlete.TrainingProfile(), clock.GetUtcNow().UtcDateTime);
                return Results.File(bytes, "application/vnd.ant.fit", $"workout-{session.Date:yyyy-MM-dd}.fit");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
        return endpoints;
    }
}
