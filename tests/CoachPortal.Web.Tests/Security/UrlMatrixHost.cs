using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Users;
using CoachPortal.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Security;

/// <summary>
/// <see cref="SecurityHost"/> with a coach and an athlete account on each team, and on each team a session, an
/// original file, a planned session, a template and a model version; one signed-in client per role.
/// </summary>
public sealed class UrlMatrixHost : IAsyncLifetime
{
    public const string CoachBEmail = "coach.b@sec.test";
    public const string AthleteAEmail = "athlete.a@sec.test";
    public const string AthleteBEmail = "athlete.b@sec.test";

    private readonly Dictionary<string, HttpClient> _clients = [];

    public SecurityHost Host { get; } = new();

    public UrlResources A { get; private set; } = default!;

    public UrlResources B { get; private set; } = default!;

    public HttpClient Client(string role) => _clients[role];

    public async Task InitializeAsync()
    {
        Host.Settings["Security:RequireTwoFactorForStaff"] = "false";
        Host.Settings["SignInLimits:PermitsPerAddress"] = "10000";
        Host.Settings["SignInLimits:PermitsPerAccount"] = "10000";
        await Host.InitializeAsync();
        using (var scope = Host.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = Caller.Of((await users.FindByEmailAsync(SecurityHost.AdminEmail))!.Id, Roles.Admin);
            var coachA = Caller.Of((await users.FindByEmailAsync(SecurityHost.CoachEmail))!.Id, Roles.Coach);
            var userAdmin = sp.GetRequiredService<UserAdminService>();
            var coachB = Caller.Of(await userAdmin.CreateAsync(admin, CoachBEmail, "Bea Coach", SecurityHost.Password, [Roles.Coach]), Roles.Coach);
            var athleteA = await userAdmin.CreateAsync(admin, AthleteAEmail, "Olly Own", SecurityHost.Password, [Roles.Athlete]);
            var athleteB = await userAdmin.CreateAsync(admin, AthleteBEmail, "Fay Foreign", SecurityHost.Password, [Roles.Athlete]);
            await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var teamB = await db.Athletes.Where(a => a.Id == Host.ForeignAthleteId).Select(a => a.TeamId).SingleAsync();
            await sp.GetRequiredService<Core.Teams.TeamService>().AssignCoachAsync(admin, teamB, coachB.UserId);
            await db.Athletes.Where(a => a.Id == Host.OwnAthleteId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, athleteA));
            await db.Athletes.Where(a => a.Id == Host.ForeignAthleteId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, athleteB));
            A = await SeedAsync(sp, db, admin, coachA, Host.OwnAthleteId);
            B = await SeedAsync(sp, db, admin, coachB, Host.ForeignAthleteId);
        }

        _clients["anonymous"] = Host.CreateClient();
        foreach (var (role, email) in new[] { ("admin", SecurityHost.AdminEmail), ("coach of A", SecurityHost.CoachEmail), ("coach of B", CoachBEmail), ("athlete of A", AthleteAEmail), ("athlete of B", AthleteBEmail) })
        {
            var client = Host.CreateClient();
            await SecurityHost.SignInAsync(client, email);
            _clients[role] = client;
        }
    }

    private static async Task<UrlResources> SeedAsync(IServiceProvider sp, AppDbContext db, Caller admin, Caller coach, int athleteId)
    {
        var athlete = await db.Athletes.SingleAsync(a => a.Id == athleteId);
        var session = SessionBuilder.Build(athlete, SessionSports.Running, DateTime.UtcNow.Date.AddDays(-2).AddHours(7), new StreamColumns
        {
            ElapsedSeconds = [.. Enumerable.Range(0, 600)],
            HeartRateBpm = [.. Enumerable.Range(0, 600).Select(i => 130.0 + (i % 30))],
            SpeedMetersPerSecond = [.. Enumerable.Repeat(3.1, 600)],
        });
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        var upload = await sp.GetRequiredService<SessionImportService>().UploadAsync(admin, athleteId, "run.csv", "time,heart_rate\n0,120\n"u8.ToArray());

        var templateId = await sp.GetRequiredService<PlanTemplateService>().CreateAsync(coach, new PlanTemplateInput
        {
            Name = "Base " + athlete.TeamId,
            Sport = SessionSports.Running,
            TeamId = athlete.TeamId,
            Blocks = [new PlanBlockInput(PlanPhase.Base, 2)],
            Sessions = [new PlanSessionInput(0, 1, "Easy", SessionSports.Running, "40m @Z2"), new PlanSessionInput(1, 3, "Long", SessionSports.Running, "1h20m @Z2")],
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var assigned = await sp.GetRequiredService<PlanPersonalisationService>().AssignAsync(coach, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = athleteId,
            StartDate = today,
            EventDate = today.AddDays(13),
            EventName = "Race",
        });
        await sp.GetRequiredService<PlanPersonalisationJob>().RunAsync([.. assigned.AssignmentIds], CancellationToken.None);
        var plannedId = await db.PlannedSessions.Where(p => p.AthleteId == athleteId).OrderBy(p => p.Date).Select(p => p.Id).FirstAsync();

        var run = new TrainingRun
        {
            Target = ForecastTarget.Readiness,
            Architecture = ModelKind.GruForecaster,
            Scope = ModelScope.Team,
            TeamId = athlete.TeamId,
            Status = TrainingRunStatus.Succeeded,
            RequestedByUserId = coach.UserId,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        var version = new ModelVersion
        {
            TrainingRunId = run.Id,
            Target = ForecastTarget.Readiness,
            Architecture = ModelKind.GruForecaster,
            Scope = ModelScope.Team,
            TeamId = athlete.TeamId,
            Status = ModelVersionStatus.Candidate,
            MetricName = "mae",
            TestError = 1,
            BestBaselineName = "persistence",
            BestBaselineError = 2,
            Metrics = ModelMetrics.Empty,
            OnnxBytes = [1, 2, 3],
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        return new UrlResources(athlete.TeamId, athleteId, session.Id, upload.Id, plannedId, templateId, version.Id);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }
}

/// <summary>What one team holds in <see cref="UrlMatrixHost"/>.</summary>
public sealed record UrlResources(int TeamId, int AthleteId, int SessionId, int FileId, int PlannedSessionId, int TemplateId, int ModelVersionId);
