using System.Security.Cryptography;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding.Demo;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachPortal.Core.Seeding;

/// <summary>Brings the database to the current schema and makes sure the roles, the first admin and (optionally) the demo exist.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DatabaseOptions> database,
    IOptions<SeedOptions> seed,
    IOptions<DemoOptions> demo,
    DemoMode demoMode,
    DemoSessionSeeder demoSessions,
    DemoTrainingSeeder demoTraining,
    DemoPlanSeeder demoPlans,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoCoachEmail = "coach@demo.coachportal";
    public const string DemoAthleteEmail = "athlete@demo.coachportal";
    public const string DemoTeamName = "Demo Harriers";

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (database.Value.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            if (database.Value.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(ct);
            }
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await EnsureAdminAsync();
        if (demoMode.IsOn)
        {
            await EnsureDemoAsync(ct);
            await demoSessions.SeedAsync(DemoTeamName, ct);
            await demoTraining.SeedAsync(DemoTeamName, ct);
            await demoPlans.SeedAsync(DemoTeamName, ct);
        }
    }

    private async Task EnsureAdminAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var email = seed.Value.AdminEmail;
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new InvalidOperationException("No administrator exists and Seed:AdminEmail is not set: set it (and Seed:AdminPassword) to create the first admin.");
        }

        var password = seed.Value.AdminPassword;
        var generated = false;
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException("Seed:AdminPassword is not set: put the first admin's password in user secrets or the environment (Seed__AdminPassword).");
            }

            password = "Adm-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
            generated = true;
        }

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
            Check(await users.CreateAsync(admin, password));
        }

        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        if (generated)
        {
            // Never into the log: logs are shipped, kept and read by more people than the owner of this machine.
            var file = WriteAdminPasswordFile(password);
            logger.LogWarning("Created the first admin {Email}; its generated password is in {File}, readable only by this account (sign in, change it, delete the file)", email, file);
        }
        else
        {
            logger.LogInformation("Created the first admin {Email}", email);
        }
    }

    /// <summary>Name of the file, in the data folder, that holds a generated first-admin password.</summary>
    public const string AdminPasswordFileName = "admin-password.txt";

    private string WriteAdminPasswordFile(string password)
    {
        var directory = Path.IsPathRooted(database.Value.DataDirectory)
            ? database.Value.DataDirectory
            : Path.Combine(environment.ContentRootPath, database.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, AdminPasswordFileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.WriteLine(password);
        }

        if (!OperatingSystem.IsWindows())
        {
            // The create mode applies only to a new file; an old one keeps its mode unless reset.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    private async Task EnsureDemoAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Teams.FirstOrDefaultAsync(t => t.Name == DemoTeamName, ct);
        if (existing is not null)
        {
            // A demo team created before teams carried the flag.
            existing.IsDemo = true;
            await db.SaveChangesAsync(ct);
            return;
        }

        var password = demo.Value.Password;
        var coach = await EnsureUserAsync(DemoCoachEmail, "Casey Coach", password, Roles.Coach);
        var athleteUser = await EnsureUserAsync(DemoAthleteEmail, "Alex Runner", password, Roles.Athlete);

        var team = new Team { Name = DemoTeamName, IsDemo = true, Sport = "Running", Description = "Demo squad: middle- and long-distance runners and triathletes." };
        team.Coaches.Add(new TeamCoach { UserId = coach.Id });
        var rng = new Random(2026);
        (string First, string Last, Sex Sex, string Sport, string Position)[] people =
        [
            ("Alex", "Runner", Sex.Male, "Running", "10 km"),
            ("Bea", "Lindqvist", Sex.Female, "Running", "5 km"),
            ("Chidi", "Okafor", Sex.Male, "Running", "Marathon"),
            ("Dana", "Moreau", Sex.Female, "Triathlon", "Olympic"),
            ("Eitan", "Levi", Sex.Male, "Triathlon", "Ironman"),
            ("Freya", "Nakamura", Sex.Female, "Running", "Marathon"),
            ("Gustavo", "Reyes", Sex.Male, "Cycling", "Time trial"),
            ("Hana", "Novak", Sex.Female, "Cycling", "Road"),
        ];
        foreach (var p in people)
        {
            var age = rng.Next(19, 45);
            var hrMax = 208 - (int)Math.Round(0.7 * age); // Tanaka, Monahan & Seals (2001)
            team.Athletes.Add(new Athlete
            {
                FirstName = p.First,
                LastName = p.Last,
                Sex = p.Sex,
                Sport = p.Sport,
                Position = p.Position,
                BirthDate = new DateOnly(2026 - age, rng.Next(1, 13), rng.Next(1, 29)),
                BodyMassKg = Math.Round(p.Sex == Sex.Female ? 52 + (rng.NextDouble() * 12) : 62 + (rng.NextDouble() * 16), 1),
                HeartRateMaxBpm = hrMax,
                HeartRateRestBpm = rng.Next(40, 56),
                LactateThresholdHeartRateBpm = (int)Math.Round(hrMax * 0.89),
                FtpWatts = p.Sport == "Running" ? null : rng.Next(200, 320),
                ThresholdPaceSecondsPerKm = p.Sport == "Cycling" ? null : rng.Next(200, 270),
                UserId = p.First == "Alex" ? athleteUser.Id : null,
                Email = p.First == "Alex" ? DemoAthleteEmail : null,
            });
        }

        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Demo data created. Demo accounts (password {Password}): coach {Coach}, athlete {Athlete}", password, DemoCoachEmail, DemoAthleteEmail);
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string name, string password, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(user, password));
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
