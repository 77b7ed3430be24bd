using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoachPortal.Web.Tests.Api;

/// <summary>Changes over the API: the concurrency token travels as ETag and If-Match; tokens are rate limited one by one.</summary>
public sealed class ApiWriteTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AnswersStayMachineReadableForAReaderWhoAsksForGerman()
    {
        using var client = host.Client(host.ReadOnlyToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/planned-sessions/{host.Own[ApiHost.EditablePlannedSession]}");
        request.Headers.AcceptLanguage.ParseAdd("de-DE");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", body.RootElement.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("durationSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("tss").ValueKind);
    }

    [Fact]
    public async Task AChangeBasedOnAStaleETagIsRefusedWith412AndOneWithoutIfMatchWith428()
    {
        using var client = host.Client(host.ReadWriteToken);
        var url = $"/api/v1/planned-sessions/{host.Own[ApiHost.EditablePlannedSession]}";
        using var read = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag));
        var newDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(6);

        using var withoutIfMatch = await client.PatchAsJsonAsync(url, new { date = newDate });
        Assert.Equal((HttpStatusCode)428, withoutIfMatch.StatusCode);

        using var first = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { date = newDate }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using var saved = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag?.ToString());
        using (var body = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()))
        {
            Assert.Equal(newDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.RootElement.GetProperty("date").GetString());
        }

        using var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { date = newDate.AddDays(1) }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using var refused = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        using var after = await client.GetAsync(url);
        using var current = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal(newDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), current.RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public async Task InvalidInputIsAProblemWithTheFailingFields()
    {
        using var client = host.Client(host.ReadWriteToken);
        using var response = await client.PostAsJsonAsync($"/api/v1/planned-sessions/{host.Own["plannedSessionId"]}/outcome", new { status = "Done", rpe = 14 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("Rpe", out _));
    }
}

/// <summary>The per-token limit, on a portal of its own with a tiny window.</summary>
public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task ATokenOverItsLimitGets429WithRetryAfterWhileAnotherTokenIsStillServed()
    {
        var host = new ApiHost();
        host.Settings["Api:PermitsPerWindow"] = "3";
        host.Settings["Api:WindowSeconds"] = "60";
        await host.InitializeAsync();
        try
        {
            using var busy = host.Client(host.ReadWriteToken);
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                using var response = await busy.GetAsync("/api/v1/teams");
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            using var other = host.Client(host.ReadOnlyToken);
            using var served = await other.GetAsync("/api/v1/teams");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
