using CoachPortal.Core.Athletes;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Forecasting.Runs;
using CoachPortal.Core.Invitations;
using CoachPortal.Core.Load.Board;
using CoachPortal.Core.Load.Dashboard;
using CoachPortal.Core.Load.Performance;
using CoachPortal.Core.Load.Settings;
using CoachPortal.Core.Plans.Assignment;
using CoachPortal.Core.Plans.Calendar;
using CoachPortal.Core.Plans.Compliance;
using CoachPortal.Core.Plans.Projection;
using CoachPortal.Core.Plans.Templates;
using CoachPortal.Core.Plans.Workouts;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Sessions.Uploads;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Teams.Roster;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Users;
using CoachPortal.Core.Wellness;
using Xunit.Abstractions;

namespace CoachPortal.Core.Tests.Security;

/// <summary>
/// Every service action, reads and writes, for every role (admin, coach of team A, coach of team B, athlete of A,
/// athlete of B) against team A's and team B's resources: done when the rule allows it, otherwise refused as
/// not found or forbidden. The web matrix adds the anonymous visitor and the URLs.
/// </summary>
public sealed class ServiceMatrixTests(MatrixWorld world, ITestOutputHelper output) : IClassFixture<MatrixWorld>
{
    /// <summary>Who, relative to the resource's team, may do an action. Other coaches and athletes never may.</summary>
    [Flags]
    public enum Who
    {
        Admin = 1,
        TeamCoach = 2,
        Owner = 4,
        // Any coach, whichever team: actions that are not about an existing team.
        AnyCoach = 8,
        Staff = Admin | TeamCoach,
        StaffOrOwner = Staff | Owner,
    }

    public static readonly string[] RoleNames = ["admin", "coach of A", "coach of B", "athlete of A", "athlete of B"];

    private static readonly DateOnly s_today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly Dictionary<string, (Who Rule, Func<Ctx, Task<bool>> Act)> s_actions = new()
    {
        // Teams, athletes, roster (coach pages and the admin's team pages)
        ["team.read"] = (Who.Staff, Do(c => c.Get<TeamService>().GetAsync(c.Caller, c.R.TeamId))),
        ["team.composition"] = (Who.Staff, Do(c => c.Get<TeamService>().CompositionAsync(c.Caller, c.R.TeamId))),
        ["team.edit"] = (Who.Staff, Do(async c =>
        {
            var team = await c.Get<TeamService>().GetAsync(c.Admin, c.R.TeamId);
            await c.Get<TeamService>().UpdateAsync(c.Caller, c.R.TeamId, new TeamInput { Name = team.Name, Sport = team.Sport }, team.Version);
        })),
        ["athlete.list"] = (Who.Staff, Do(c => c.Get<AthleteService>().ListForTeamAsync(c.Caller, c.R.TeamId))),
        ["athlete.read"] = (Who.StaffOrOwner, Do(c => c.Get<AthleteService>().GetAsync(c.Caller, c.R.AthleteId))),
        ["athlete.edit"] = (Who.StaffOrOwner, Do(async c =>
        {
            var athlete = await c.Get<AthleteService>().GetAsync(c.Admin, c.R.AthleteId);
            await c.Get<AthleteService>().UpdateAsync(c.Caller, c.R.AthleteId, AthleteInput.From(athlete), athlete.Version);
        })),
        ["athlete.create"] = (Who.Staff, Do(c => c.Get<AthleteService>().CreateAsync(c.Caller, c.R.TeamId, PortalTestHost.AnAthlete("New", "Member")))),
        ["roster.list"] = (Who.Staff, Do(c => c.Get<RosterImportService>().ListForTeamAsync(c.Caller, c.R.TeamId))),
        ["roster.import"] = (Who.Staff, Do(c => c.Get<RosterImportService>().StartAsync(c.Caller, c.R.TeamId, "roster.csv", "first_name,last_name\n"))),
        ["invitation.create"] = (Who.Staff, Do(c => c.Get<InvitationService>().CreateAsync(c.Caller, c.R.AthleteWithoutAccountId, $"invitee-{Guid.NewGuid():N}@test.local"))),

        // Load, board, dashboard, tests and injuries
        ["load-settings.read"] = (Who.Staff, Do(c => c.Get<TeamLoadSettingsService>().GetAsync(c.Caller, c.R.TeamId))),
        ["load-settings.edit"] = (Who.Staff, Do(async c =>
        {
            var settings = await c.Get<TeamLoadSettingsService>().GetAsync(c.Admin, c.R.TeamId);
            await c.Get<TeamLoadSettingsService>().UpdateAsync(c.Caller, c.R.TeamId, TeamLoadSettingsInput.From(settings));
        })),
        ["board.read"] = (Who.Staff, Do(c => c.Get<TeamBoardService>().GetAsync(c.Caller, c.R.TeamId))),
        ["dashboard.read"] = (Who.StaffOrOwner, Do(c => c.Get<AthleteDashboardService>().GetAsync(c.Caller, c.R.AthleteId, 90))),
        ["dashboard.context"] = (Who.StaffOrOwner, Do(c => c.Get<AthleteDashboardService>().GetContextAsync(c.Caller, c.R.AthleteId))),
        ["dashboard.daily-loads"] = (Who.StaffOrOwner, Do(c => c.Get<AthleteDashboardService>().GetDailyLoadsAsync(c.Caller, c.R.AthleteId, s_today.AddDays(-30), s_today))),
        ["dashboard.mean-maximal"] = (Who.StaffOrOwner, Do(c => c.Get<AthleteDashboardService>().GetMeanMaximalAsync(c.Caller, c.R.AthleteId, s_today.AddDays(-30), s_today))),
        ["dashboard.performance-models"] = (Who.StaffOrOwner, Do(c => c.Get<AthleteDashboardService>().GetPerformanceModelsAsync(c.Caller, c.R.AthleteId))),
        ["tests.list"] = (Who.StaffOrOwner, Do(c => c.Get<PerformanceService>().ListTestsAsync(c.Caller, c.R.AthleteId))),
        ["tests.add"] = (Who.Staff, Do(c => c.Get<PerformanceService>().AddTestAsync(c.Caller, c.R.AthleteId, MatrixWorld.ATest()))),
        ["tests.delete"] = (Who.Staff, Do(async c =>
        {
            var id = await c.Get<PerformanceService>().AddTestAsync(c.Admin, c.R.AthleteId, MatrixWorld.ATest());
            await c.Get<PerformanceService>().DeleteTestAsync(c.Caller, id);
        })),
        ["injuries.list"] = (Who.StaffOrOwner, Do(c => c.Get<PerformanceService>().ListInjuriesAsync(c.Caller, c.R.AthleteId))),
        ["injuries.add"] = (Who.Staff, Do(c => c.Get<PerformanceService>().AddInjuryAsync(c.Caller, c.R.AthleteId, MatrixWorld.AnInjury()))),
        ["injuries.delete"] = (Who.Staff, Do(async c =>
        {
            var id = await c.Get<PerformanceService>().AddInjuryAsync(c.Admin, c.R.AthleteId, MatrixWorld.AnInjury());
            await c.Get<PerformanceService>().DeleteInjuryAsync(c.Caller, id);
        })),

        // Wellness
        ["wellness.list"] = (Who.StaffOrOwner, Do(c => c.Get<WellnessService>().ListAsync(c.Caller, c.R.AthleteId, s_today.AddDays(-30), s_today))),
        ["wellness.today"] = (Who.StaffOrOwner, Do(c => c.Get<WellnessService>().GetTodayAsync(c.Caller, c.R.AthleteId))),
        ["wellness.check-in"] = (Who.Owner, Do(c => c.Get<WellnessService>().SaveTodayAsync(c.Caller, c.R.AthleteId, new WellnessInput
        {
            Readiness = 7,
            Fatigue = 3,
            Soreness = 2,
            SleepHours = 8,
            SleepQuality = 4,
            Stress = 2,
            Mood = 4,
        }))),

        // Sessions and their original files
        ["sessions.list"] = (Who.StaffOrOwner, Do(c => c.Get<SessionQueryService>().ListAsync(c.Caller, c.R.AthleteId, new SessionFilter()))),
        ["session.read"] = (Who.StaffOrOwner, Do(c => c.Get<SessionQueryService>().GetAsync(c.Caller, c.R.SessionId))),
        ["session.feedback"] = (Who.StaffOrOwner, Do(async c =>
        {
            var session = (await c.Get<SessionQueryService>().GetAsync(c.Admin, c.R.SessionId)).Session;
            await c.Get<SessionQueryService>().UpdateFeedbackAsync(c.Caller, c.R.SessionId, 5, "fine", session.Version);
        })),
        ["session.class-label"] = (Who.Staff, Do(async c =>
        {
            var session = (await c.Get<SessionQueryService>().GetAsync(c.Admin, c.R.SessionId)).Session;
            await c.Get<SessionQueryService>().SetClassLabelAsync(c.Caller, c.R.SessionId, null, session.Version);
        })),
        ["file.original"] = (Who.StaffOrOwner, Do(c => c.Get<SessionQueryService>().GetOriginalAsync(c.Caller, c.R.FileId))),
        ["upload.read"] = (Who.StaffOrOwner, Do(c => c.Get<SessionImportService>().GetAsync(c.Caller, c.R.FileId))),
        ["uploads.list"] = (Who.StaffOrOwner, Do(c => c.Get<SessionImportService>().ListForAthleteAsync(c.Caller, c.R.AthleteId))),
        ["history.import"] = (Who.Staff, Do(c => c.Get<HistoryImportService>().RequireCanImportAsync(c.Caller, c.R.AthleteId))),
        ["upload.create"] = (Who.StaffOrOwner, Do(c => c.Get<SessionImportService>().UploadAsync(c.Caller, c.R.AthleteId, "more.csv", "time,heart_rate\n0,110\n"u8.ToArray()))),

        // Plans: library, templates, assignment, calendars, compliance, projection, feeds
        ["workout.edit"] = (Who.Staff, Do(async c =>
        {
            var w = (await c.Get<WorkoutLibraryService>().ListAsync(c.Admin, includeArchived: true)).Single(x => x.Id == c.R.WorkoutId);
            await c.Get<WorkoutLibraryService>().UpdateAsync(c.Caller, w.Id, new WorkoutInput(w.Name, w.Sport, w.Text, w.Description, w.TeamId), w.Version);
        })),
        ["workout.archive"] = (Who.Staff, Do(c => c.Get<WorkoutLibraryService>().SetArchivedAsync(c.Caller, c.R.WorkoutId, false))),
        ["template.read"] = (Who.Staff, Do(c => c.Get<PlanTemplateService>().GetAsync(c.Caller, c.R.TemplateId))),
        ["template.edit"] = (Who.Staff, Do(async c =>
        {
            var t = await c.Get<PlanTemplateService>().GetAsync(c.Admin, c.R.TemplateId);
            await c.Get<PlanTemplateService>().UpdateAsync(c.Caller, t.Id, t.Input, t.Version);
        })),
        ["template.copy"] = (Who.Staff, Do(c => c.Get<PlanTemplateService>().CopyAsync(c.Caller, c.R.TemplateId, "Copy " + Guid.NewGuid().ToString("N")[..6]))),
        ["template.archive"] = (Who.Staff, Do(c => c.Get<PlanTemplateService>().SetArchivedAsync(c.Caller, c.R.TemplateId, false))),
        ["plan.assign"] = (Who.Staff, Do(c => c.Get<PlanPersonalisationService>().AssignAsync(c.Caller, new PlanAssignmentInput
        {
            TemplateId = c.R.TemplateId,
            AthleteId = c.R.AthleteWithoutAccountId,
            StartDate = s_today.AddDays(60),
            EventDate = s_today.AddDays(73),
            EventName = "Later race",
        }))),
        ["calendar.athlete"] = (Who.StaffOrOwner, Do(c => c.Get<PlanCalendarService>().GetAthleteAsync(c.Caller, c.R.AthleteId, s_today, s_today.AddDays(14)))),
        ["calendar.team"] = (Who.StaffOrOwner, Sees(async c =>
            (await c.Get<PlanCalendarService>().GetTeamAsync(c.Caller, c.R.TeamId, s_today, s_today.AddDays(14))).Planned.Any(p => p.Id == c.R.PlannedSessionId))),
        ["calendar.today-of"] = (Who.StaffOrOwner, Do(c => c.Get<PlanCalendarService>().TodayOfAthleteAsync(c.Caller, c.R.AthleteId))),
        ["planned.read"] = (Who.StaffOrOwner, Do(c => c.Get<PlanCalendarService>().GetSessionAsync(c.Caller, c.R.PlannedSessionId))),
        ["planned.move"] = (Who.Staff, Do(async c =>
        {
            var p = await c.Get<PlanCalendarService>().GetSessionAsync(c.Admin, c.R.PlannedSessionId);
            await c.Get<PlanCalendarService>().MoveAsync(c.Caller, p.Id, p.Date, p.Version);
        })),
        ["plan.settings"] = (Who.StaffOrOwner, Do(c => c.Get<PlanCalendarService>().GetSettingsAsync(c.Caller, c.R.AthleteId))),
        ["plan.availability"] = (Who.StaffOrOwner, Do(c => c.Get<PlanCalendarService>().SaveAvailabilityAsync(c.Caller, c.R.AthleteId, 0b111_1111, null))),
        ["compliance.athlete"] = (Who.StaffOrOwner, Do(c => c.Get<PlanComplianceService>().GetAsync(c.Caller, c.R.AthleteId, s_today.AddDays(-7), s_today))),
        ["compliance.team"] = (Who.Staff, Do(c => c.Get<PlanComplianceService>().GetTeamWeekAsync(c.Caller, c.R.TeamId))),
        ["projection"] = (Who.StaffOrOwner, Do(c => c.Get<PlanProjectionService>().ProjectAsync(c.Caller, c.R.AthleteId))),
        ["feed.has"] = (Who.StaffOrOwner, Do(c => c.Get<CalendarFeedService>().HasFeedAsync(c.Caller, c.R.AthleteId))),
        ["feed.issue"] = (Who.StaffOrOwner, Do(c => c.Get<CalendarFeedService>().IssueAsync(c.Caller, c.R.AthleteId))),

        // Models, their downloads and forecasts
        ["models.runs"] = (Who.Staff, Sees(async c => (await c.Get<ModelService>().ListRunsAsync(c.Caller, c.R.TeamId)).Any(r => r.Id == c.R.RunId))),
        ["models.run"] = (Who.Staff, Do(c => c.Get<ModelService>().GetRunAsync(c.Caller, c.R.RunId))),
        ["models.versions"] = (Who.Staff, Sees(async c => (await c.Get<ModelService>().ListVersionsAsync(c.Caller, c.R.TeamId)).Any(v => v.Id == c.R.ModelVersionId))),
        ["models.version"] = (Who.Staff, Do(c => c.Get<ModelService>().GetVersionAsync(c.Caller, c.R.ModelVersionId))),
        ["models.download"] = (Who.Staff, Do(c => c.Get<ModelService>().GetArtifactAsync(c.Caller, c.R.ModelVersionId))),
        ["models.train"] = (Who.Staff, Do(c => c.Get<ModelService>().StartTrainingAsync(c.Caller, new TrainingRunInput { TeamId = c.R.TeamId }))),
        ["forecasts.athlete"] = (Who.StaffOrOwner, Do(c => c.Get<ModelService>().GetForecastsAsync(c.Caller, c.R.AthleteId))),
        ["forecasts.readiness-track"] = (Who.StaffOrOwner, Do(c => c.Get<ModelService>().GetReadinessTrackAsync(c.Caller, c.R.AthleteId, s_today.AddDays(-30)))),

        // Admin pages: the account on the team's side is the target
        ["users.list"] = (Who.Admin, Do(c => c.Get<UserAdminService>().ListAsync(c.Caller))),
        ["users.accounts-by-role"] = (Who.Admin, Do(c => c.Get<UserAdminService>().AccountsByRoleAsync(c.Caller))),
        ["users.sign-ins"] = (Who.Admin, Do(c => c.Get<UserAdminService>().SignInsPerDayAsync(c.Caller))),
        ["users.create"] = (Who.Admin, Do(c => c.Get<UserAdminService>().CreateAsync(c.Caller, $"new-{Guid.NewGuid():N}@test.local", "New Person", PortalTestHost.Password, [Roles.Athlete]))),
        ["users.set-roles"] = (Who.Admin, Do(c => c.Get<UserAdminService>().SetRolesAsync(c.Caller, c.AccountOfSide.UserId, [Roles.Athlete]))),
        ["users.unlock"] = (Who.Admin, Do(c => c.Get<UserAdminService>().SetLockedAsync(c.Caller, c.AccountOfSide.UserId, false))),
        ["team.create"] = (Who.Admin | Who.AnyCoach, Do(c => c.Get<TeamService>().CreateAsync(c.Caller, new TeamInput { Name = "New " + Guid.NewGuid().ToString("N")[..6] }))),
    };

    /// <summary>A call that either completes (done) or throws.</summary>
    private static Func<Ctx, Task<bool>> Do(Func<Ctx, Task> act) => async c =>
    {
        await act(c);
        return true;
    };

    /// <summary>A read that filters instead of refusing: done when the team's resource is among what it returns.</summary>
    private static Func<Ctx, Task<bool>> Sees(Func<Ctx, Task<bool>> read) => read;

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var action in s_actions.Keys)
            {
                foreach (var role in RoleNames)
                {
                    foreach (var team in new[] { "team A", "team B" })
                    {
                        data.Add(action, role, team);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRoleDoesOrIsRefusedEachActionOnEachTeamAsTheRuleSays(string action, string role, string team)
    {
        var (rule, act) = s_actions[action];
        var host = world.Host;
        var caller = role switch
        {
            "admin" => host.Admin,
            "coach of A" => host.CoachA,
            "coach of B" => host.CoachB,
            "athlete of A" => host.AthleteA,
            _ => host.AthleteB,
        };
        var onA = team == "team A";
        var relation = role switch
        {
            "admin" => Who.Admin,
            "coach of A" when onA => Who.TeamCoach,
            "coach of B" when !onA => Who.TeamCoach,
            "athlete of A" when onA => Who.Owner,
            "athlete of B" when !onA => Who.Owner,
            _ => (Who)0,
        };
        if (role.StartsWith("coach", StringComparison.Ordinal))
        {
            // Any coach may do what needs no team of theirs (creating a team makes them its coach).
            relation |= Who.AnyCoach;
        }

        var context = new Ctx(host, caller, world.Of(onA), onA ? host.AthleteA : host.AthleteB);

        if ((rule & relation) != 0)
        {
            Assert.True(await act(context), $"{role} was allowed {action} on {team} but did not see the resource");
            return;
        }

        try
        {
            Assert.False(await act(context), $"{role} could {action} on {team}");
        }
        catch (DomainException ex)
        {
            Assert.True(ex is NotFoundException or ForbiddenException, $"expected a refusal, got {ex.GetType().Name}: {ex.Message}");
        }
    }

    [Fact]
    public void TheMatrixHasAtLeastFiveHundredCases()
    {
        var count = Cases.Count;
        output.WriteLine($"service authorization matrix: {s_actions.Count} actions x {RoleNames.Length} roles x 2 teams = {count} cases");
        Assert.True(count >= 500, $"only {count} cases");
    }

    /// <summary>What one case acts with: the caller, the resources of the team it targets and that team's athlete account.</summary>
    public sealed record Ctx(PortalTestHost Host, Caller Caller, TeamResources R, Caller AccountOfSide)
    {
        public Caller Admin => Host.Admin;

        public T Get<T>()
            where T : notnull => Host.Get<T>();
    }
}
