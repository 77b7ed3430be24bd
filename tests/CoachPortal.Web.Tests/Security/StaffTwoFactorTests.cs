using System.Net;
using System.Text.RegularExpressions;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Security;

/// <summary>The portal with <c>Security:RequireTwoFactorForStaff</c> on.</summary>
public sealed class StaffTwoFactorHost : IAsyncLifetime
{
    public SecurityHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.Settings["Security:RequireTwoFactorForStaff"] = "true";
        Host.Settings["SignInLimits:PermitsPerAddress"] = "10000";
        Host.Settings["SignInLimits:PermitsPerAccount"] = "10000";
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

public sealed partial class StaffTwoFactorTests(StaffTwoFactorHost fixture) : IClassFixture<StaffTwoFactorHost>
{
    private const string SetupPath = "/Account/Manage/EnableAuthenticator";

    private SecurityHost Host => fixture.Host;

    [Theory]
    [InlineData(Roles.Coach)]
    [InlineData(Roles.Admin)]
    public async Task StaffWithoutTwoFactorAreSentToTheSetupPageFromAnyPageAndEndpoint(string role)
    {
        using var client = await SignedInAsAsync(await NewUserAsync(role));

        string[] paths = ["/", "/teams", "/board", $"/athletes/{Host.OwnAthleteId}/dashboard", "/plans/workouts", "/models", "/admin/users", "/files/1", "/models/versions/1/onnx", "/Account/Manage", "/status/404"];
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
            Assert.Equal(SetupPath, response.Headers.Location?.OriginalString);
        }

        // Nor can the interactive circuit start, nor anything be posted.
        using (var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);
        }

        using var setup = await client.GetAsync(SetupPath);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("set up an authenticator app to continue", await setup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoachWhoEnablesTotpGetsInAndSignsInWithTheCodeFromThenOn()
    {
        var email = await NewUserAsync(Roles.Coach);
        using (var client = await SignedInAsAsync(email))
        {
            var html = await client.GetStringAsync(SetupPath);
            var key = SharedKey().Match(html);
            Assert.True(key.Success, "no shared key on the setup page");
            using var enabled = await SecurityHost.PostFieldsAsync(client, html, SetupPath, new() { ["Input.Code"] = Totp.Code(key.Groups["key"].Value, DateTimeOffset.UtcNow) });
            var page = await enabled.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            Assert.Contains("recovery codes", page, StringComparison.OrdinalIgnoreCase);

            using var teams = await client.GetAsync("/teams");
            Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
        }

        // A new sign-in asks for the code, then lets the coach in.
        using var fresh = Host.CreateClient();
        using var login = await SecurityHost.PostLoginAsync(fresh, email, SecurityHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var twoFactorPath = login.Headers.Location!.OriginalString;
        Assert.Contains("Account/LoginWith2fa", twoFactorPath, StringComparison.Ordinal);
        var form = await fresh.GetStringAsync(twoFactorPath);
        using var passed = await SecurityHost.PostFieldsAsync(fresh, form, twoFactorPath, new() { ["Input.TwoFactorCode"] = Totp.Code(await StoredKeyAsync(email), DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        using var board = await fresh.GetAsync("/board");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
    }

    [Fact]
    public async Task AnAthleteIsNotAskedForASecondFactor()
    {
        using var client = await SignedInAsAsync(await NewUserAsync(Roles.Athlete));

        using var response = await client.GetAsync("/me/wellness");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void TheTestAuthenticatorMatchesTheRfc6238Vector()
    {
        // RFC 6238 appendix B: ASCII "12345678901234567890", T = 59 s gives 94287082 (8 digits).
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    private async Task<HttpClient> SignedInAsAsync(string email)
    {
        var client = Host.CreateClient();
        await SecurityHost.SignInAsync(client, email);
        return client;
    }

    private async Task<string> NewUserAsync(string role)
    {
        using var scope = Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Caller.Of((await users.FindByEmailAsync(SecurityHost.AdminEmail))!.Id, Roles.Admin);
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@sec.test";
        await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(admin, email, role + " Person", SecurityHost.Password, [role]);
        return email;
    }

    private async Task<string> StoredKeyAsync(string email)
    {
        using var scope = Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    }

    [GeneratedRegex("<kbd>(?<key>[a-z2-7 ]+)</kbd>")]
    private static partial Regex SharedKey();
}

/// <summary>With the setting off (as in Development), staff are not stopped.</summary>
public sealed class StaffTwoFactorOffTests
{
    [Fact]
    public async Task WithTheSettingOffACoachWithoutTwoFactorUsesThePortal()
    {
        var host = new SecurityHost();
        host.Settings["Security:RequireTwoFactorForStaff"] = "false";
        await host.InitializeAsync();
        try
        {
            using var client = host.CreateClient();
            await SecurityHost.SignInAsync(client, SecurityHost.CoachEmail);
            foreach (var path in new[] { "/", "/teams", "/plans/workouts", $"/athletes/{host.OwnAthleteId}/dashboard" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
