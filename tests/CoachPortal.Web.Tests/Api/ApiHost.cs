using System.Net.Http.Headers;
using CoachPortal.Core.Data;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Users.Tokens;
using CoachPortal.Web.Tests.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Api;

/// <summary>
/// The in-memory portal of <see cref="SecurityHost"/> with what the API checks need: the coach's tokens (read/write,
/// read-only, revoked, expired) and, on both the coach's team and the team the coach does not coach, an upload, a
/// session and a planned session.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    private readonly SecurityHost _host = new();

    public ApiHost()
    {
        // The access checks send hundreds of requests with one token; the limit has its own test.
        Settings["Api:PermitsPerWindow"] = "100000";
    }

    /// <summary>A planned session that only the concurrency checks change (not a route parameter).</summary>
    public const string EditablePlannedSession = "editablePlannedSession";

    public Dictionary<string, string> Settings => _host.Settings;

    public List<Action<IServiceCollection>> TestServices => _host.TestServices;

    public IServiceProvider Services => _host.Services;

    public string ReadWriteToken { get; private set; } = "";

    public string ReadOnlyToken { get; private set; } = "";

    public string RevokedToken { get; private set; } = "";

    public string ExpiredToken { get; private set; } = "";

    /// <summary>Ids of the coach's own team's resources, by route parameter name.</summary>
    public Dictionary<string, int> Own { get; } = [];

    /// <summary>Ids of the other team's resources, by route parameter name.</summary>
    public Dictionary<string, int> Foreign { get; } = [];

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var coach = Caller.Of((await users.FindByEmailAsync(SecurityHost.CoachEmail))!.Id, Roles.Coach);
        var admin = Caller.Of((await users.FindByEmailAsync(SecurityHost.AdminEmail))!.Id, Roles.Admin);
        var tokens = sp.GetRequiredService<ApiTokenService>();
        ReadWriteToken = (await tokens.CreateAsync(coach, "sync", ApiTokenScope.ReadWrite, 30)).Secret;
        ReadOnlyToken = (await tokens.CreateAsync(coach, "reader", ApiTokenScope.Read, 30)).Secret;
        var revoked = await tokens.CreateAsync(coach, "old laptop", ApiTokenScope.ReadWrite, 30);
        await tokens.RevokeAsync(coach, revoked.Token.Id);
        RevokedToken = revoked.Secret;
        var expired = await tokens.CreateAsync(coach, "last season", ApiTokenScope.ReadWrite, 1);
        ExpiredToken = expired.Secret;

        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.ApiTokens.Where(t => t.Id == expired.Token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1)));
        await SeedAsync(db, sp.GetRequiredService<SessionImportService>(), admin, _host.OwnAthleteId, Own);
        await SeedAsync(db, sp.GetRequiredService<SessionImportService>(), admin, _host.ForeignAthleteId, Foreign);
    }

    /// <summary>A client with no cookies and the given bearer token (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = _host.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client signed in with the coach's cookie, as a browser would be.</summary>
    public async Task<HttpClient> CookieClientAsync()
    {
        var client = _host.CreateClient();
        await SecurityHost.SignInAsync(client, SecurityHost.CoachEmail);
        return client;
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private static async Task SeedAsync(AppDbContext db, SessionImportService imports, Caller admin, int athleteId, Dictionary<string, int> ids)
    {
        var athlete = await db.Athletes.AsNoTracking().FirstAsync(a => a.Id == athleteId);
        var upload = await imports.UploadAsync(admin, athleteId, $"ride-{athleteId}.csv", System.Text.Encoding.UTF8.GetBytes($"seconds,hr\n0,{100 + athleteId}\n"));
        var session = new TrainingSession
        {
            AthleteId = athleteId,
            SourceFileId = upload.Id,
            StartUtc = DateTime.UtcNow.Date.AddDays(-1).AddHours(7),
            Sport = "Running",
            Title = "Easy run",
            DurationSeconds = 1800,
            MovingSeconds = 1790,
        };
        db.TrainingSessions.Add(session);
        var template = new PlanTemplate { OwnerUserId = admin.UserId, Name = "Base block", Sport = "Running" };
        db.PlanTemplates.Add(template);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var assignment = new PlanAssignment
        {
            PlanTemplateId = template.Id,
            AthleteId = athleteId,
            StartDate = today,
            EventDate = today.AddDays(60),
            EventName = "City 10k",
            CreatedByUserId = admin.UserId,
        };
        db.PlanAssignments.Add(assignment);
        await db.SaveChangesAsync();
        var planned = new PlannedSession
        {
            PlanAssignmentId = assignment.Id,
            AthleteId = athleteId,
            Date = today.AddDays(3),
            Sport = "Running",
            Title = "Tempo",
            Text = "10min Z2",
            TemplateText = "10min Z2",
            PlannedDurationSeconds = 600,
            PlannedTss = 10,
        };
        db.PlannedSessions.Add(planned);
        await db.SaveChangesAsync();
        ids["teamId"] = athlete.TeamId;
        ids["athleteId"] = athleteId;
        ids["sessionId"] = session.Id;
        ids["fileId"] = upload.Id;
        ids["uploadId"] = upload.Id;
        ids["plannedSessionId"] = planned.Id;
        var editable = new PlannedSession
        {
            PlanAssignmentId = assignment.Id,
            AthleteId = athleteId,
            Date = today.AddDays(4),
            Sport = "Running",
            Title = "Long run",
            Text = "60min Z2",
            TemplateText = "60min Z2",
            PlannedDurationSeconds = 3600,
            PlannedTss = 50,
        };
        db.PlannedSessions.Add(editable);
        await db.SaveChangesAsync();
        ids[EditablePlannedSession] = editable.Id;
    }
}
