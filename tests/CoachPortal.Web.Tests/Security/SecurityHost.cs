using System.Net;
using System.Text.RegularExpressions;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Users;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Security;

/// <summary>
/// The portal in memory over a fresh SQLite folder, without a job server, for HTTP-level checks: an admin, a coach
/// with a team and an athlete, and an athlete on a team the coach does not coach.
/// </summary>
public sealed partial class SecurityHost : IAsyncLifetime
{
    public const string Password = "Sec-Password-1";
    public const string AdminEmail = "admin@sec.test";
    public const string CoachEmail = "coach@sec.test";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachportal-sec", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database = new();
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Settings applied over the defaults before the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Service changes applied after the portal's own (e.g. an interceptor that counts SQL commands).</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    public IServiceProvider Services => _factory!.Services;

    public int OwnAthleteId { get; private set; }

    public int ForeignAthleteId { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _database.Create();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:DataDirectory", _dataDirectory);
            foreach (var (key, value) in _database.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Seed:AdminEmail", AdminEmail);
            b.UseSetting("Seed:AdminPassword", Password);
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Jobs:RunServer", "false");
            foreach (var (key, value) in Settings)
            {
                b.UseSetting(key, value);
            }

            // Hangfire's configuration is process-wide (storage, activator, log provider): configuring it here would
            // take the job server of the browser suite's portal from under it. This host runs no jobs.
            b.ConfigureTestServices(services =>
            {
                TestServices.ForEach(configure => configure(services));
                services.AddSingleton<IGlobalConfiguration>(new NoGlobalConfiguration());
                services.AddSingleton<JobStorage>(_ =>
                {
                    // The storage asks Hangfire's process-wide log provider for a logger, which may belong to a
                    // portal already disposed; this host logs nothing of Hangfire's.
                    Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentLogProvider());
                    return new InMemoryStorage();
                });
            });
        });
        _factory.StartServer();
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(AdminEmail))!.Id, Roles.Admin);
        var coachId = await sp.GetRequiredService<UserAdminService>().CreateAsync(admin, CoachEmail, "Sam Coach", Password, [Roles.Coach]);
        var teams = sp.GetRequiredService<TeamService>();
        var own = await teams.CreateAsync(admin, new TeamInput { Name = "Own Squad", Sport = "Running" });
        var foreign = await teams.CreateAsync(admin, new TeamInput { Name = "Foreign Squad", Sport = "Rowing" });
        var athletes = sp.GetRequiredService<AthleteService>();
        OwnAthleteId = await athletes.CreateAsync(admin, own, new AthleteInput { FirstName = "Olly", LastName = "Own" });
        ForeignAthleteId = await athletes.CreateAsync(admin, foreign, new AthleteInput { FirstName = "Fay", LastName = "Foreign" });
        await teams.AssignCoachAsync(admin, own, coachId);
    }

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public HttpClient CreateClient() =>
        _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form as a browser would (hidden fields and antiforgery token included).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = "/Account/Login" + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var html = await client.GetStringAsync(path);
        return await PostFormAsync(client, html, email, password, path);
    }

    /// <summary>Posts the sign-in form found in <paramref name="html"/>.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string html, string email, string password, string path = "/Account/Login") =>
        PostFieldsAsync(client, html, path, new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Posts the form found in <paramref name="html"/> with its hidden fields and <paramref name="fields"/>.</summary>
    public static Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string html, string path, Dictionary<string, string> fields)
    {
        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in and fails unless the portal answers with a redirect.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = Password)
    {
        using var response = await PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Drop();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned eventually.
        }
    }

    private sealed class NoGlobalConfiguration : IGlobalConfiguration;

    private sealed class SilentLogProvider : Hangfire.Logging.ILogProvider
    {
        public Hangfire.Logging.ILog GetLogger(string name) => new SilentLog();
    }

    private sealed class SilentLog : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
