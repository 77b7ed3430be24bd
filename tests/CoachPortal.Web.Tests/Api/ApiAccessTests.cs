using System.Net;
using System.Text.Json;

namespace CoachPortal.Web.Tests.Api;

/// <summary>
/// Every operation the OpenAPI document publishes, called the wrong way: without a token, with the cookie, with a
/// token of a coach of another team, with a read-only token for a write, with a revoked or expired token.
/// </summary>
public sealed class ApiAccessTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task EveryOperationRefusesARequestWithoutATokenAndNeverAcceptsTheCookie()
    {
        using var anonymous = host.Client(null);
        using var signedIn = await host.CookieClientAsync();
        var operations = await ApiOperation.ReadAllAsync(anonymous);
        Assert.True(operations.Count >= 20, $"the document lists only {operations.Count} operations");
        Assert.Contains(operations, o => o.Path == "/api/v1/athletes/{athleteId}/sessions" && o.Method == HttpMethod.Get);
        Assert.Contains(operations, o => o.Path == "/api/v1/athletes/{athleteId}/uploads" && o.Method == HttpMethod.Post);

        var failures = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var (client, who) in new[] { (anonymous, "no token"), (signedIn, "cookie") })
            {
                using var response = await client.SendAsync(operation.Request(host.Own, "\"x\""));
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{operation} with {who}: {(int)response.StatusCode}");
                }
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{operation} with {who}: 401 without problem details");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task ACoachsTokenGetsNotFoundForEveryIdOfAnotherTeamJustAsForAnIdThatDoesNotExist()
    {
        using var client = host.Client(host.ReadWriteToken);
        var operations = (await ApiOperation.ReadAllAsync(client)).Where(o => o.IdParameters.Count > 0).ToList();
        Assert.True(operations.Count >= 15, $"only {operations.Count} operations take an id");
        var missing = host.Foreign.ToDictionary(p => p.Key, _ => 987_654);

        var failures = new List<string>();
        foreach (var operation in operations)
        {
            using var own = await client.SendAsync(operation.Request(host.Own, "\"x\""));
            using var foreign = await client.SendAsync(operation.Request(host.Foreign, "\"x\""));
            using var absent = await client.SendAsync(operation.Request(missing, "\"x\""));
            if (own.StatusCode == HttpStatusCode.NotFound && !operation.Path.Contains("wellness/today", StringComparison.Ordinal))
            {
                failures.Add($"{operation}: the coach's own ids are not found either, so the check proves nothing");
            }

            if (foreign.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{operation}: another team's ids gave {(int)foreign.StatusCode}");
                continue;
            }

            // The same answer as for an id that exists nowhere: the response tells nothing about existence.
            var foreignDetail = await DetailAsync(foreign);
            var absentDetail = await DetailAsync(absent);
            if (absent.StatusCode != HttpStatusCode.NotFound || foreignDetail != absentDetail)
            {
                failures.Add($"{operation}: another team's id answers \"{foreignDetail}\", a missing one {(int)absent.StatusCode} \"{absentDetail}\"");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task AReadOnlyTokenGetsForbiddenOnEveryWriteAndStillReads()
    {
        using var client = host.Client(host.ReadOnlyToken);
        var operations = await ApiOperation.ReadAllAsync(client);
        var writes = operations.Where(o => o.IsWrite).ToList();
        Assert.True(writes.Count >= 4, $"only {writes.Count} writes");

        var failures = new List<string>();
        foreach (var operation in writes)
        {
            using var response = await client.SendAsync(operation.Request(host.Own, "\"x\""));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{operation}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        using var read = await client.GetAsync($"/api/v1/athletes/{host.Own["athleteId"]}/sessions");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("unknown")]
    public async Task ATokenThatIsRevokedExpiredOrUnknownIsRefusedWhileAValidOneIsServed(string kind)
    {
        var token = kind switch
        {
            "revoked" => host.RevokedToken,
            "expired" => host.ExpiredToken,
            _ => "cpat_" + new string('A', 43),
        };
        using var refused = host.Client(token);
        using var response = await refused.GetAsync("/api/v1/teams");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var valid = host.Client(host.ReadWriteToken);
        using var served = await valid.GetAsync("/api/v1/teams");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using var teams = JsonDocument.Parse(await served.Content.ReadAsStringAsync());
        Assert.Equal(host.Own["teamId"], Assert.Single(teams.RootElement.EnumerateArray()).GetProperty("id").GetInt32());
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
    }
}
