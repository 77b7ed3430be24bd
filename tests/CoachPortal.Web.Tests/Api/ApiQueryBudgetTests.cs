using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Load;
using CoachPortal.Core.Security;
using CoachPortal.Core.Sessions;
using CoachPortal.Core.Teams;
using CoachPortal.Web.Tests.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Api;

/// <summary>
/// Each /api/v1 read sends as many SQL commands for a team of 100 as for a team of 10, counted in the running
/// portal for the request alone (token check included), so a query per athlete cannot hide behind an endpoint.
/// </summary>
public sealed class ApiQueryBudgetTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();
    private readonly RequestCommands _commands = new();
    private readonly Dictionary<int, int> _firstAthlete = [];
    private int _small;
    private int _large;

    public static TheoryData<string> Reads() =>
    [
        "/api/v1/teams",
        "/api/v1/teams/{team}/athletes",
        "/api/v1/teams/{team}/calendar",
        "/api/v1/athletes/{athlete}",
        "/api/v1/athletes/{athlete}/sessions",
        "/api/v1/athletes/{athlete}/training-load",
        "/api/v1/athletes/{athlete}/wellness",
    ];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task TheEndpointSendsAsManyCommandsForAHundredAthletesAsForTen(string route)
    {
        using var client = _host.Client(_host.ReadWriteToken);

        var small = await CountAsync(client, route, _small);
        var large = await CountAsync(client, route, _large);

        Assert.InRange(small, 1, 12);
        Assert.Equal(small, large);
    }

    private async Task<int> CountAsync(HttpClient client, string route, int team)
    {
        var path = route.Replace("{team}", team.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{athlete}", _firstAthlete[team].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using (var warm = await client.GetAsync(path))
        {
            Assert.True(warm.IsSuccessStatusCode, $"{path}: {(int)warm.StatusCode}");
        }

        _commands.Clear();
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return _commands.For(path);
    }

    public async Task InitializeAsync()
    {
        _host.TestServices.Add(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton(_commands);
            services.ConfigureDbContext<AppDbContext>(
                (sp, options) =>
                {
                    _commands.Requests = sp.GetRequiredService<IHttpContextAccessor>();
                    options.AddInterceptors(_commands);
                },
                ServiceLifetime.Singleton);
        });
        await _host.InitializeAsync();
        using var scope = _host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(SecurityHost.AdminEmail))!.Id, Roles.Admin);
        var coach = (await users.FindByEmailAsync(SecurityHost.CoachEmail))!.Id;
        _small = await TeamOfAsync(sp, admin, coach, 10);
        _large = await TeamOfAsync(sp, admin, coach, 100);
    }

    private async Task<int> TeamOfAsync(IServiceProvider sp, Caller admin, string coach, int size)
    {
        var teams = sp.GetRequiredService<TeamService>();
        var team = await teams.CreateAsync(admin, new TeamInput { Name = $"Budget {size}", Sport = "Running" });
        await teams.AssignCoachAsync(admin, team, coach);
        var athletes = sp.GetRequiredService<AthleteService>();
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < size; i++)
        {
            var id = await athletes.CreateAsync(admin, team, new AthleteInput { FirstName = $"A{i}", LastName = $"Budget{size}" });
            _firstAthlete.TryAdd(team, id);
            for (var d = 1; d <= 5; d++)
            {
                db.DailyLoads.Add(new DailyLoad { AthleteId = id, Date = today.AddDays(-d), PrimaryLoad = 50, Ctl = 40, Atl = 45, ComputedUtc = DateTime.UtcNow });
                db.TrainingSessions.Add(new TrainingSession
                {
                    AthleteId = id,
                    StartUtc = DateTime.UtcNow.Date.AddDays(-d).AddHours(7),
                    Sport = "Running",
                    Title = "Run",
                    DurationSeconds = 1800,
                    MovingSeconds = 1790,
                    Tss = 40,
                });
            }
        }

        await db.SaveChangesAsync();
        return team;
    }

    public Task DisposeAsync() => _host.DisposeAsync();
}
