using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CoachPortal.Core.Data;
using CoachPortal.Core.Security;
using CoachPortal.Core.Users.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoachPortal.Web.Tests.Api;

/// <summary>A client script's journey over real HTTP, with the real job server: upload, poll, read the session back.</summary>
[Collection(nameof(BrowserSuite))]
public sealed class ApiUploadFlowTests(PortalServer server)
{
    [Fact]
    public async Task AFitFileUploadedThroughTheApiBecomesASessionThatTheClientReadsBack()
    {
        var fit = Path.Combine(FindCorpus(), "fit", "garmin-fenix-5-run.fit");
        string token;
        using (var scope = server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var athlete = Caller.Of((await users.FindByEmailAsync(PortalServer.AthleteEmail))!.Id, Roles.Athlete);
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(athlete, "watch sync", ApiTokenScope.ReadWrite, 7)).Secret;
        }

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = JsonDocument.Parse(await http.GetStringAsync("/api/v1/athletes/me"));
        var athleteId = me.RootElement.GetProperty("id").GetInt32();

        var file = new ByteArrayContent(await File.ReadAllBytesAsync(fit));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", "api-run.fit" } };
        using var accepted = await http.PostAsync($"/api/v1/athletes/{athleteId}/uploads", form);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var status = accepted.Headers.Location;
        Assert.NotNull(status);

        int? sessionId = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (sessionId is null && DateTime.UtcNow < deadline)
        {
            using var upload = JsonDocument.Parse(await http.GetStringAsync(status));
            var state = upload.RootElement.GetProperty("status").GetString();
            Assert.NotEqual("Failed", state);
            if (state == "Imported")
            {
                sessionId = upload.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sessionId").GetInt32()).First();
            }
            else
            {
                await Task.Delay(250);
            }
        }

        Assert.NotNull(sessionId);
        using var session = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/sessions/{sessionId}"));
        Assert.True(session.RootElement.GetProperty("durationSeconds").GetInt32() > 0);
        var csv = await http.GetStringAsync($"/api/v1/sessions/{sessionId}/streams?format=csv");
        Assert.StartsWith("elapsedSeconds,", csv, StringComparison.Ordinal);
        Assert.True(csv.Split('\n').Length > 10);
        using var list = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/athletes/{athleteId}/sessions"));
        Assert.Contains(list.RootElement.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetInt32() == sessionId);
        var original = await http.GetByteArrayAsync(session.RootElement.GetProperty("originalFileUrl").GetString());
        Assert.Equal(await File.ReadAllBytesAsync(fit), original);
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The shared corpus folder (shared/corpus) is not present.");
    }
}
