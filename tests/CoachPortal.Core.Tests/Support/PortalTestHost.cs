using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Seeding;
using CoachPortal.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachPortal.Core.Tests.Support;

/// <summary>
/// The Core services as the web app wires them, over a real SQLite file in a fresh temporary folder,
/// with a small world: an admin, two teams each with a coach and athletes, and one athlete account per team.
/// </summary>
public sealed class PortalTestHost : IAsyncLifetime
{
    public const string Password = "Test-Password-1";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachportal-tests", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database = new();
    private IHost? _host;

    public IServiceProvider Services => _host!.Services;

    public Caller Admin { get; private set; } = default!;

    public Caller CoachA { get; private set; } = default!;

    public Caller CoachB { get; private set; } = default!;

    public Caller AthleteA { get; private set; } = default!;

    public Caller AthleteB { get; private set; } = default!;

    public int TeamA { get; private set; }

    public int TeamB { get; private set; }

    /// <summary>The athlete profile linked to <see cref="AthleteA"/>.</summary>
    public int AthleteAProfile { get; private set; }

    /// <summary>A team-mate of <see cref="AthleteA"/> with no account.</summary>
    public int TeamMateOfA { get; private set; }

    public int AthleteBProfile { get; private set; }

    /// <summary>How the host is composed (default: Core as the web app adds it); the worker tests add the worker instead.</summary>
    public Action<IHostApplicationBuilder> Compose { get; init; } = builder => builder.AddCoachPortalCore();

    /// <summary>Extra configuration (e.g. to run a job server) applied before the host is built.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public AppDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _database.Create();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = _dataDirectory,
        });
        builder.AddRootConfiguration();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _dataDirectory,
            ["Jobs:RunServer"] = "false",
            ["Jobs:PollIntervalMilliseconds"] = "100",
            ["Seed:AdminEmail"] = "admin@test.local",
            ["Seed:AdminPassword"] = Password,
            ["Demo:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(_database.Settings);
        builder.Configuration.AddInMemoryCollection(Settings);
        Compose(builder);
        _host = builder.Build();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        await _host.StartAsync();
        await SeedWorldAsync();
    }

    private async Task SeedWorldAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var adminUser = await users.FindByEmailAsync("admin@test.local");
        Admin = Caller.Of(adminUser!.Id, Roles.Admin);
        CoachA = Caller.Of(await CreateUserAsync(users, "coach.a@test.local", Roles.Coach), Roles.Coach);
        CoachB = Caller.Of(await CreateUserAsync(users, "coach.b@test.local", Roles.Coach), Roles.Coach);
        AthleteA = Caller.Of(await CreateUserAsync(users, "athlete.a@test.local", Roles.Athlete), Roles.Athlete);
        AthleteB = Caller.Of(await CreateUserAsync(users, "athlete.b@test.local", Roles.Athlete), Roles.Athlete);

        var teams = Get<TeamService>();
        TeamA = await teams.CreateAsync(Admin, new TeamInput { Name = "Team A", Sport = "Running" });
        TeamB = await teams.CreateAsync(Admin, new TeamInput { Name = "Team B", Sport = "Cycling" });
        await teams.AssignCoachAsync(Admin, TeamA, CoachA.UserId);
        await teams.AssignCoachAsync(Admin, TeamB, CoachB.UserId);

        var athletes = Get<AthleteService>();
        AthleteAProfile = await athletes.CreateAsync(CoachA, TeamA, AnAthlete("Ada", "Alpha"));
        TeamMateOfA = await athletes.CreateAsync(CoachA, TeamA, AnAthlete("Tom", "Mate"));
        AthleteBProfile = await athletes.CreateAsync(CoachB, TeamB, AnAthlete("Bo", "Beta"));
        await using var db = CreateDb();
        await db.Athletes.Where(a => a.Id == AthleteAProfile).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, AthleteA.UserId));
        await db.Athletes.Where(a => a.Id == AthleteBProfile).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, AthleteB.UserId));
    }

    public static AthleteInput AnAthlete(string first, string last) => new()
    {
        FirstName = first,
        LastName = last,
        Sex = Sex.Female,
        Sport = "Running",
        Position = "5 km",
        BirthDate = new DateOnly(1998, 4, 2),
        BodyMassKg = 58.5,
        HeartRateMaxBpm = 192,
        HeartRateRestBpm = 46,
        LactateThresholdHeartRateBpm = 172,
        ThresholdPace = "3:55",
    };

    private static async Task<string> CreateUserAsync(UserManager<ApplicationUser> users, string email, string role)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Drop();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A job storage file may still be held for a moment; the OS temp folder is cleaned eventually.
        }
    }
}
