using System.Net;

namespace CoachPortal.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers: a page, a static file and the health endpoint.</summary>
public sealed class SecurityHeadersTests : IClassFixture<SecurityHost>
{
    private readonly SecurityHost _host;

    public SecurityHeadersTests(SecurityHost host) => _host = host;

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/favicon.png")]
    [InlineData("/health")]
    public async Task ResponsesCarryTheSecurityHeaders(string path)
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{path}: {response.StatusCode}");

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'", csp);
        Assert.Contains("connect-src 'self' ws://", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheImportMapRunsByThePolicysNonce()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHeadersAreIgnoredUnlessAProxyIsConfigured()
    {
        // Without ReverseProxy:Enabled a client cannot claim HTTPS (and with it Secure cookies and wss://) by itself.
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        Assert.Contains("ws://", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri?.AbsolutePath} has no {name} header.");
}
