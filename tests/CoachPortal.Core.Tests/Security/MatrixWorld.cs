using CoachPortal.Analytics.Planning;
using CoachPortal.Analytics.Sessions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Results;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.Streams;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Learning;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Security;

/// <summary>
/// <see cref="PortalTestHost"/>'s two teams, each with one of everything the portal keeps: a session, an uploaded
/// original file, a plan with planned sessions, a workout, a template, a training run with its model version, a
/// test, an injury, and an athlete without an account (for invitations).
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    public PortalTestHost Host { get; } = new();

    public TeamResources A { get; private set; } = default!;

    public TeamResources B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        var mateOfB = await Host.Get<AthleteService>().CreateAsync(Host.CoachB, Host.TeamB, PortalTestHost.AnAthlete("Ben", "Mate"));
        A = await SeedAsync(Host.TeamA, Host.CoachA, Host.AthleteAProfile, Host.TeamMateOfA);
        B = await SeedAsync(Host.TeamB, Host.CoachB, Host.AthleteBProfile, mateOfB);
    }

    public Task DisposeAsync() => Host.DisposeAsync();

    public TeamResources Of(bool teamA) => teamA ? A : B;

    private async Task<TeamResources> SeedAsync(int teamId, Caller coach, int athleteId, int withoutAccountId)
    {
        await using var db = Host.CreateDb();
        var athlete = await db.Athletes.SingleAsync(a => a.Id == athleteId);
        var session = SessionBuilder.Build(athlete, SessionSports.Running, DateTime.UtcNow.Date.AddDays(-2).AddHours(7), new StreamColumns
        {
            ElapsedSeconds = [.. Enumerable.Range(0, 600)],
            HeartRateBpm = [.. Enumerable.Range(0, 600).Select(i => 130.0 + (i % 30))],
            SpeedMetersPerSecond = [.. Enumerable.Repeat(3.1, 600)],
        });
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();

        var upload = await Host.Get<SessionImportService>().UploadAsync(Host.Admin, athleteId, "run.csv", "time,heart_rate\n0,120\n1,121\n"u8.ToArray());
        var workoutId = await Host.Get<WorkoutLibraryService>().CreateAsync(coach, new WorkoutInput("Threshold", SessionSports.Running, "3x(10m @Z4, 2m @Z1)", TeamId: teamId));
        var templateId = await Host.Get<PlanTemplateService>().CreateAsync(coach, new PlanTemplateInput
        {
            Name = "Base " + teamId,
            Sport = SessionSports.Running,
            TeamId = teamId,
            Blocks = [new PlanBlockInput(PlanPhase.Base, 2)],
            Sessions = [new PlanSessionInput(0, 1, "Easy", SessionSports.Running, "40m @Z2"), new PlanSessionInput(1, 3, "Long", SessionSports.Running, "1h20m @Z2")],
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var personalisation = Host.Get<PlanPersonalisationService>();
        var assigned = await personalisation.AssignAsync(coach, new PlanAssignmentInput
        {
            TemplateId = templateId,
            AthleteId = athleteId,
            StartDate = today,
            EventDate = today.AddDays(13),
            EventName = "Race",
            Priority = EventPriority.B,
        });
        await Host.Get<PlanPersonalisationJob>().RunAsync([.. assigned.AssignmentIds], CancellationToken.None);
        var plannedId = await db.PlannedSessions.Where(p => p.AthleteId == athleteId).OrderBy(p => p.Date).Select(p => p.Id).FirstAsync();

        var run = new TrainingRun
        {
            Target = ForecastTarget.Readiness,
            Architecture = ModelKind.GruForecaster,
            Scope = ModelScope.Team,
            TeamId = teamId,
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
            TeamId = teamId,
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

        var performance = Host.Get<PerformanceService>();
        var testId = await performance.AddTestAsync(Host.Admin, athleteId, ATest());
        var injuryId = await performance.AddInjuryAsync(Host.Admin, athleteId, AnInjury());
        return new TeamResources(teamId, athleteId, withoutAccountId, session.Id, upload.Id, plannedId, workoutId, templateId, run.Id, version.Id, testId, injuryId);
    }

    public static PerformanceTestInput ATest() => new() { Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5), Kind = "5 km time trial", Unit = "s", HigherIsBetter = false, Value = 1190 };

    public static InjuryInput AnInjury() => new() { Kind = InjuryKind.Injury, OnsetDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20), BodyArea = "Calf", Severity = InjurySeverity.Minimal, DaysLost = 2 };
}

/// <summary>What one team holds in <see cref="MatrixWorld"/>; the athlete is the one with an account.</summary>
public sealed record TeamResources(
    int TeamId, int AthleteId, int AthleteWithoutAccountId, int SessionId, int FileId, int PlannedSessionId,
    int WorkoutId, int TemplateId, int RunId, int ModelVersionId, int TestId, int InjuryId);
