using System.Net;
using CoachPortal.Core.Athletes;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Teams;
using CoachPortal.Core.Tests.Support;
using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>
/// The whole portal on a real Kestrel port over a fresh SQLite folder, with the real job server, and a headless
/// Chromium driven by Playwright. Demo data is off; the fixture seeds what the flows need.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    public const string Password = "E2e-Password-1";
    public const string AdminEmail = "admin@e2e.test";
    public const string CoachEmail = "coach@e2e.test";
    public const string AthleteEmail = "athlete@e2e.test";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachportal-e2e", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database = new();
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>A team the coach does not coach; the athlete belongs to it.</summary>
    public int OtherTeamId { get; private set; }

    /// <summary>Where the portal writes its e-mails in Development (no mail server is configured).</summary>
    public string MailPickupDirectory => Path.Combine(_dataDirectory, "mail");

    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? MissingBrowserReason =>
        File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _database.Create();
        Directory.CreateDirectory(ScreenshotDirectory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // Development serves the static assets of referenced packages straight from the build output.
            b.UseEnvironment("Development");
            b.UseSetting("Database:DataDirectory", _dataDirectory);
            foreach (var (key, value) in _database.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Seed:AdminEmail", AdminEmail);
            b.UseSetting("Seed:AdminPassword", Password);
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Jobs:PollIntervalMilliseconds", "200");
            // The journeys sign in many times from one address; the limits themselves have their own tests.
            b.UseSetting("SignInLimits:PermitsPerAddress", "10000");
            b.UseSetting("SignInLimits:PermitsPerAccount", "10000");
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await SeedAsync();

        if (MissingBrowserReason is null)
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
    }

    private async Task SeedAsync()
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(AdminEmail))!.Id, Roles.Admin);
        var userAdmin = sp.GetRequiredService<UserAdminService>();
        await userAdmin.CreateAsync(admin, CoachEmail, "Erin Coach", Password, [Roles.Coach]);
        var athleteUserId = await userAdmin.CreateAsync(admin, AthleteEmail, "Ari Athlete", Password, [Roles.Athlete]);
        OtherTeamId = await sp.GetRequiredService<TeamService>().CreateAsync(admin, new TeamInput { Name = "Other Squad", Sport = "Swimming" });
        var athleteId = await sp.GetRequiredService<AthleteService>().CreateAsync(admin, OtherTeamId, new AthleteInput { FirstName = "Ari", LastName = "Athlete" });
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Athletes.Where(a => a.Id == athleteId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, athleteUserId));
    }

    /// <summary>A new athlete of the other team with an account of its own, for journeys that need an empty history.</summary>
    public async Task<string> NewAthleteAccountAsync(string firstName)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(AdminEmail))!.Id, Roles.Admin);
        var email = $"{firstName.ToLowerInvariant()}-{Guid.NewGuid():N}@e2e.test";
        var userId = await sp.GetRequiredService<UserAdminService>().CreateAsync(admin, email, $"{firstName} Athlete", Password, [Roles.Athlete]);
        var athleteId = await sp.GetRequiredService<AthleteService>().CreateAsync(admin, OtherTeamId, new AthleteInput { FirstName = firstName, LastName = "Athlete" });
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Athletes.Where(a => a.Id == athleteId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, userId));
        return email;
    }

    /// <summary>A fresh browser context (its own cookies) at phone or desktop width.</summary>
    /// <summary>A fresh browser context; its language (Accept-Language) is British English unless a test says otherwise.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, int phoneWidth = 390, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = phoneWidth, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        // Chromium reports a blocked script, style, image or connection in the console; the page also repeats each
        // securitypolicyviolation event there, so nothing the policy blocks goes unseen.
        context.Console += (_, message) =>
        {
            if (CspViolations.IsViolation(message.Text))
            {
                CspViolations.Record($"{message.Page?.Url}: {message.Text}");
            }
        };
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('securitypolicyviolation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
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
            // The job storage may hold its file a moment longer; the temp folder is cleaned eventually.
        }
    }
}
