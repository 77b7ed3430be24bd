using System.Net;

namespace CoachPortal.Web.Tests.Security;

/// <summary>Addresses that name something off-site or someone else's.</summary>
public sealed class AddressHandlingTests : IClassFixture<SecurityHost>
{
    private readonly SecurityHost _host;

    public AddressHandlingTests(SecurityHost host) => _host = host;

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task AnOffSiteReturnUrlSignsInAndLandsOnTheHomePage(string returnUrl)
    {
        using var client = _host.CreateClient();
        using var response = await SecurityHost.PostLoginAsync(client, SecurityHost.CoachEmail, SecurityHost.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost/"), location);
        Assert.Equal("localhost", target.Host);
        Assert.Equal("/", target.AbsolutePath);
    }

    [Fact]
    public async Task AnInPortalReturnUrlIsStillFollowed()
    {
        using var client = _host.CreateClient();
        using var response = await SecurityHost.PostLoginAsync(client, SecurityHost.CoachEmail, SecurityHost.Password, "/teams");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/teams", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadingForAnotherTeamsAthleteIsNotFound()
    {
        using var client = _host.CreateClient();
        await SecurityHost.SignInAsync(client, SecurityHost.CoachEmail);
        using var response = await client.GetAsync($"/athletes/{_host.ForeignAthleteId}/sessions/upload");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Olly", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadingForOnesOwnAthleteStillWorks()
    {
        using var client = _host.CreateClient();
        await SecurityHost.SignInAsync(client, SecurityHost.CoachEmail);
        using var response = await client.GetAsync($"/athletes/{_host.OwnAthleteId}/sessions/upload");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ANotFoundDashboardShowsNoForecasts()
    {
        using var client = _host.CreateClient();
        await SecurityHost.SignInAsync(client, SecurityHost.CoachEmail);
        using var response = await client.GetAsync($"/athletes/{_host.ForeignAthleteId}/dashboard");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("forecast-panel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonalDataZipIsDownloadedForOnesOwnAthleteAndNotFoundForAnotherTeams()
    {
        using var client = _host.CreateClient();
        await SecurityHost.SignInAsync(client, SecurityHost.CoachEmail);

        using (var own = await client.GetAsync($"/exports/athletes/{_host.OwnAthleteId}/personal-data.zip"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("application/zip", own.Content.Headers.ContentType?.MediaType);
            using var zip = new System.IO.Compression.ZipArchive(await own.Content.ReadAsStreamAsync());
            using var profile = new StreamReader(zip.GetEntry("profile.json")!.Open());
            Assert.Contains("Olly", await profile.ReadToEndAsync(), StringComparison.Ordinal);
        }

        using var foreign = await client.GetAsync($"/exports/athletes/{_host.ForeignAthleteId}/personal-data.zip");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        // The surname: the page's random tokens can hold "Fay" by chance, not "Foreign".
        Assert.DoesNotContain("Foreign", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
