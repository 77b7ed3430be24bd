using System.Net;
using System.Text.RegularExpressions;
using CoachPortal.Core.Data;
using CoachPortal.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
// The factory needs any type of the web assembly; its own Program would clash with this tool's top-level Program.
using WebEntry = CoachPortal.Web.Security.ReverseProxyOptions;

namespace CoachPortal.Bench;

/// <summary>
/// The real portal in this process on a free loopback port (Kestrel), over a fresh SQLite folder, with a command
/// interceptor that counts the SQL each request sends. No job server: the bench runs the jobs itself and times them.
/// </summary>
internal sealed partial class ClubHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@club.bench";

    private readonly WebApplicationFactory<WebEntry> _factory;

    public ClubHost(string dataDirectory, Action<IServiceCollection>? configureServices = null)
    {
        DataDirectory = dataDirectory;
        // The factory looks for the web project beside the solution by assembly name; this repository keeps it in src/.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COACHPORTAL_WEB", Path.Combine(RepositoryRoot(), "src", "CoachPortal.Web"));
        _factory = new WebApplicationFactory<WebEntry>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:DataDirectory", dataDirectory);
            b.UseSetting("Seed:AdminEmail", AdminEmail);
            b.UseSetting("Seed:AdminPassword", ClubBuilder.Password);
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Jobs:RunServer", "false");
            b.UseSetting("SignInLimits:PermitsPerAddress", "100000");
            b.UseSetting("SignInLimits:PermitsPerAccount", "100000");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.ConfigureTestServices(services =>
            {
                services.AddHttpContextAccessor();
                services.ConfigureDbContext<AppDbContext>(
                    (sp, options) =>
                    {
                        Commands.Requests = sp.GetRequiredService<IHttpContextAccessor>();
                        options.AddInterceptors(Commands);
                    },
                    ServiceLifetime.Singleton);
                configureServices?.Invoke(services);
            });
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public RequestCommands Commands { get; } = new();

    /// <summary>A client with its own cookies, signed in through the sign-in form as a browser is.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        var html = await client.GetStringAsync("/Account/Login");
        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form["Input.Email"] = email;
        form["Input.Password"] = ClubBuilder.Password;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoachPortal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository (CoachPortal.sln not found above it).");
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
