using CoachPortal.Core.Audit;
using CoachPortal.Core.Data;
using CoachPortal.Core.Forecasting;
using CoachPortal.Core.Load.Board;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachPortal.Core.Tests.Data;

/// <summary>
/// The services' main list and detail reads, written for SQL Server (no connection: <c>ToQueryString</c> only
/// translates) and parsed as T-SQL. Each starts from the same access filters and query builders the services use,
/// so a LINQ shape SQL Server cannot run fails here and not on a club's first day.
/// </summary>
public sealed class SqlServerQueryTextTests
{
    private static readonly Caller Coach = Caller.Of("coach-1", Roles.Coach);
    private static readonly Caller Athlete = Caller.Of("athlete-1", Roles.Athlete);
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly DateTime TodayUtc = new(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);
    private static readonly int[] Ids = [1, 2, 3];

    public static TheoryData<string> Queries() => [.. Reads.Keys];

    private static readonly Dictionary<string, Func<AppDbContext, IQueryable>> Reads = new()
    {
        ["athletes: team list"] = db => db.VisibleAthletes(Coach).Where(a => a.TeamId == 1 && !a.IsArchived)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).Select(a => new { a.Id, a.FirstName, a.LastName, a.Sport, a.TeamId }),
        ["athletes: detail"] = db => db.VisibleAthletes(Coach).AsNoTracking().Include(a => a.Team).Where(a => a.Id == 7).Take(1),
        ["athletes: own profile"] = db => db.VisibleAthletes(Athlete).Where(a => !a.IsArchived),
        ["teams: visible"] = db => db.VisibleTeams(Coach).OrderBy(t => t.Name),
        ["sessions: page"] = db => db.TrainingSessions.AsNoTracking().Where(s => s.AthleteId == 7 && s.Sport == "Running" && s.StartUtc >= TodayUtc.AddDays(-90))
            .OrderByDescending(s => s.StartUtc).ThenByDescending(s => s.Id).Skip(50).Take(50)
            .Select(s => new { s.Id, s.StartUtc, s.Title, s.Tss, Original = s.SourceFile == null ? null : s.SourceFile.OriginalName }),
        ["sessions: detail"] = db => db.TrainingSessions.AsNoTracking().Include(s => s.Laps)
            .Where(s => s.Id == 11 && db.VisibleAthletes(Coach).Select(a => a.Id).Contains(s.AthleteId)),
        ["sessions: counting toward load"] = db => db.TrainingSessions.AsNoTracking().CountingTowardLoad()
            .Where(s => Ids.Contains(s.AthleteId) && s.StartUtc >= TodayUtc.AddDays(-7) && s.StartUtc < TodayUtc)
            .Select(s => new { s.Id, s.AthleteId, s.Athlete!.TeamId, Load = s.Tss ?? s.HrTss ?? s.SessionRpeLoad }),
        ["load: board latest day per athlete"] = db => TeamBoardService.LatestLoads(db, Ids, Today),
        ["load: dashboard range"] = db => db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == 7 && d.Date >= Today.AddDays(-41) && d.Date <= Today).OrderBy(d => d.Date),
        ["wellness: team check-ins"] = db => db.WellnessCheckIns.AsNoTracking().Where(w => Ids.Contains(w.AthleteId) && w.Date >= Today.AddDays(-35) && w.Date <= Today),
        ["wellness: athlete range"] = db => db.WellnessCheckIns.AsNoTracking().Where(w => w.AthleteId == 7 && w.Date >= Today.AddDays(-28)).OrderBy(w => w.Date),
        ["plans: calendar"] = db => db.PlannedSessions.AsNoTracking()
            .Where(s => Ids.Contains(s.AthleteId) && s.Date >= Today && s.Date <= Today.AddDays(27) && !s.Assignment!.IsCancelled)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.Id, Name = s.Assignment!.Athlete!.FirstName + " " + s.Assignment.Athlete.LastName, s.Date, s.Title, s.PlannedTss, s.Status }),
        ["plans: templates"] = db => db.PlanTemplates.AsNoTracking().Include(t => t.Blocks).OrderBy(t => t.Name),
        ["forecasts: team risks"] = db => ModelService.LatestRisks(db, db.VisibleAthletes(Coach).Where(a => a.TeamId == 1).Select(a => a.Id)),
        ["audit: filtered page"] = db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditActions.SignIn && e.UserEmail != null && e.UserEmail.Contains("coach") && e.AtUtc >= TodayUtc.AddDays(-30))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(500),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void TheServiceReadParsesAsTSql(string read)
    {
        using var db = SqlServerText.CreateContext();
        var sql = Reads[read](db).ToQueryString();

        Assert.Contains("SELECT", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal); // SQLite's paging; SQL Server uses TOP/OFFSET
        Assert.Empty(SqlServerText.ParseErrors(sql));
    }

    [Fact]
    public void TheBoardsLatestDayIsOneQueryWithACorrelatedMaximumNotAWindow()
    {
        using var db = SqlServerText.CreateContext();
        var sql = TeamBoardService.LatestLoads(db, Ids, Today).ToQueryString();

        Assert.Contains("MAX(", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ROW_NUMBER()", sql, StringComparison.Ordinal);
        Assert.Empty(SqlServerText.ParseErrors(sql));
    }
}
