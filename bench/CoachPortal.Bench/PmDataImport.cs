using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Core.Sessions.History;
using CoachPortal.Core.Teams;
using CoachPortal.Ingest.Wellness;
using CoachPortal.Learning.Forecasting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Bench;

/// <summary>
/// PMData through the product's import path: each participant's PMSys wellness.csv and srpe.csv are imported by a
/// coach with <see cref="HistoryImportService"/> (PMSys preset) into a temporary SQLite database, and the daily series
/// are read back from its check-ins and sessions, as the training job would find them. What a coach's history import
/// does not cover comes from the parser: the wearable's resting heart rate and sleep score, and the weekly injury
/// reports.
/// </summary>
internal static class PmDataImport
{
    private const string TimeZoneId = "Europe/Oslo";

    public static List<WellnessSeries> Load(string folder) => LoadAsync(folder).GetAwaiter().GetResult();

    private static async Task<List<WellnessSeries>> LoadAsync(string folder)
    {
        var participants = PmDataParser.ReadFolder(folder);
        if (participants.Count == 0)
        {
            throw new DirectoryNotFoundException($"no participant folder (pXX/pmsys/wellness.csv) under {folder}");
        }

        var directory = Path.Combine(Path.GetTempPath(), "coachportal-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var host = BenchHost.Create(directory);
            using var scope = host.Services.CreateScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var coach = await CoachOfNewTeamAsync(services);

            var imports = services.GetRequiredService<HistoryImportService>();
            var athletes = services.GetRequiredService<AthleteService>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in participants)
            {
                var id = await athletes.CreateAsync(coach.Caller, coach.TeamId, new AthleteInput { FirstName = p.Id, LastName = "PMData", Sport = "Football" });
                var pmsys = Path.Combine(folder, p.Id, "pmsys");
                var srpe = Path.Combine(pmsys, "srpe.csv");
                var summary = await imports.ImportPmSysAsync(
                    coach.Caller, id, await File.ReadAllTextAsync(Path.Combine(pmsys, "wellness.csv")), File.Exists(srpe) ? await File.ReadAllTextAsync(srpe) : null);
                Console.WriteLine($"  imported {p.Id}: {summary.Wellness.Added} check-ins, {summary.Sessions.Added} sessions, {summary.Wellness.Errors.Count + summary.Sessions.Errors.Count} lines refused");
                ids[p.Id] = id;
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var series = new List<WellnessSeries>();
            foreach (var p in participants)
            {
                var checkIns = await db.WellnessCheckIns.AsNoTracking().Where(w => w.AthleteId == ids[p.Id]).ToDictionaryAsync(w => w.Date);
                var sessions = (await db.TrainingSessions.AsNoTracking().Where(s => s.AthleteId == ids[p.Id]).Select(s => new { s.StartUtc, s.SessionRpeLoad }).ToListAsync())
                    .GroupBy(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s.StartUtc, zone)))
                    .ToDictionary(g => g.Key, g => (Load: g.Sum(s => s.SessionRpeLoad ?? 0), Count: g.Count()));
                var parsed = WellnessDays.Build(p, TimeZone(zone)).ToDictionary(d => d.Date);
                var dates = checkIns.Keys.Concat(sessions.Keys).Concat(parsed.Where(d => d.Value.InjuryReported is not null).Select(d => d.Key)).ToList();
                var days = new List<WellnessDay>();
                for (var d = dates.Min(); d <= dates.Max(); d = d.AddDays(1))
                {
                    var w = checkIns.GetValueOrDefault(d);
                    var s = sessions.TryGetValue(d, out var x) ? x : (Load: 0.0, Count: 0);
                    var wearable = parsed.GetValueOrDefault(d);
                    days.Add(new WellnessDay(d, w?.Readiness, w?.Fatigue, w?.Soreness, w?.Stress, w?.SleepQuality, w?.Mood, w?.SleepHours,
                        wearable?.RestingHeartRateBpm, wearable?.SleepScore, s.Load, s.Count, wearable?.InjuryReported));
                }

                series.Add(PmDataSeries.From(p.Id, days));
            }

            return series;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    // The study ran from November to March: winter time, with the last days after the switch to summer time.
    private static TimeSpan TimeZone(TimeZoneInfo zone) => zone.GetUtcOffset(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static async Task<(Caller Caller, int TeamId)> CoachOfNewTeamAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.GetUsersInRoleAsync(Roles.Admin))[0].Id, Roles.Admin);
        var coachUser = new ApplicationUser { UserName = "coach@bench.local", Email = "coach@bench.local", EmailConfirmed = true, DisplayName = "Bench coach" };
        var created = await users.CreateAsync(coachUser, "Bench-Password-1");
        if (!created.Succeeded || !(await users.AddToRoleAsync(coachUser, Roles.Coach)).Succeeded)
        {
            throw new InvalidOperationException("The bench coach could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var teams = services.GetRequiredService<TeamService>();
        var teamId = await teams.CreateAsync(admin, new TeamInput { Name = "PMData", Sport = "Football" });
        await teams.AssignCoachAsync(admin, teamId, coachUser.Id);
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var settings = await db.TeamLoadSettings.FirstOrDefaultAsync(s => s.TeamId == teamId);
        if (settings is null)
        {
            db.TeamLoadSettings.Add(new TeamLoadSettings { TeamId = teamId, TimeZoneId = TimeZoneId });
        }
        else
        {
            settings.TimeZoneId = TimeZoneId;
        }

        await db.SaveChangesAsync();
        return (Caller.Of(coachUser.Id, Roles.Coach), teamId);
    }
}
