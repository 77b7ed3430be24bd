using System.Net;
using System.Net.Http.Headers;

namespace CoachPortal.Web.Tests.Api;

/// <summary>A coach makes a token on the tokens page, a script uses it, the coach revokes it, the script is refused.</summary>
[Collection(nameof(BrowserSuite))]
[AssertNoCspViolations]
public sealed class ApiTokenFlowTests(PortalServer server)
{
    [SkippableFact]
    public async Task ACoachCreatesATokenSeesItOnceUsesItWithCurlLikeRequestsAndRevokesIt()
    {
        BrowserTest.RequireBrowser();
        var page = await server.NewPageAsync();
        await page.SignInAsync(PortalServer.CoachEmail);
        await page.GotoInteractiveAsync("/me/tokens");
        await page.Field("token-name").FillAsync("Analysis notebook");
        await page.Locator("[data-testid=create-token]").ClickAsync();
        var secret = (await page.Locator("[data-testid=new-token-secret]").InnerTextAsync()).Trim();
        Assert.StartsWith("cpat_", secret, StringComparison.Ordinal);
        await page.ScreenshotAsync(server, "api-tokens");

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var served = await http.GetAsync("/api/v1/teams"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        await page.Locator("[data-testid=revoke-token]").ClickAsync();
        await page.Locator("[data-testid=token-status]", new() { HasText = "Revoked" }).WaitForAsync();
        using (var refused = await http.GetAsync("/api/v1/teams"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await page.GotoInteractiveAsync("/me/tokens");
        await page.Locator("[data-testid=token-status]", new() { HasText = "Revoked" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=new-token-secret]").CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentDeclaresBearerTokensAndTheReferencePageLoads()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var document = await http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"bearer\"", document, StringComparison.Ordinal);
        using var reference = await http.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("<title>CoachPortal API</title>", await reference.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
