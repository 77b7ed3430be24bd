using System.Net;
using Xunit.Abstractions;

namespace CoachPortal.Web.Tests.Security;

/// <summary>
/// Every page and download by URL, for every role and the anonymous visitor, on team A's and team B's resources:
/// 200 when the rule allows it, 403 or 404 for a signed-in user it does not, the sign-in page for a visitor.
/// The service matrix (Core tests) covers the writes behind these pages.
/// </summary>
public sealed class UrlMatrixTests(UrlMatrixHost world, ITestOutputHelper output) : IClassFixture<UrlMatrixHost>
{
    /// <summary>Who, relative to the resource's team, may open a URL; other coaches and athletes never may.</summary>
    [Flags]
    public enum Who
    {
        Admin = 1,
        TeamCoach = 2,
        Owner = 4,
        AnyCoach = 8,
        AnyAthlete = 16,
        Staff = Admin | TeamCoach,
        StaffOrOwner = Staff | Owner,
    }

    public static readonly string[] RoleNames = ["admin", "coach of A", "coach of B", "athlete of A", "athlete of B", "anonymous"];

    private static readonly Dictionary<string, (Who Rule, Func<UrlResources, string> Url)> s_targeted = new()
    {
        ["team"] = (Who.Staff, r => $"/teams/{r.TeamId}"),
        ["team board"] = (Who.Staff, r => $"/teams/{r.TeamId}/board"),
        ["team calendar"] = (Who.Staff, r => $"/teams/{r.TeamId}/calendar"),
        ["team technique model"] = (Who.Staff, r => $"/teams/{r.TeamId}/technique"),
        ["athlete"] = (Who.StaffOrOwner, r => $"/athletes/{r.AthleteId}"),
        ["athlete dashboard"] = (Who.StaffOrOwner, r => $"/athletes/{r.AthleteId}/dashboard"),
        ["athlete calendar"] = (Who.StaffOrOwner, r => $"/athletes/{r.AthleteId}/calendar"),
        ["athlete sessions"] = (Who.StaffOrOwner, r => $"/athletes/{r.AthleteId}/sessions"),
        ["athlete upload"] = (Who.StaffOrOwner, r => $"/athletes/{r.AthleteId}/sessions/upload"),
        ["history import"] = (Who.Staff, r => $"/athletes/{r.AthleteId}/history/import"),
        ["session"] = (Who.StaffOrOwner, r => $"/sessions/{r.SessionId}"),
        ["original file"] = (Who.StaffOrOwner, r => $"/files/{r.FileId}"),
        ["planned workout file"] = (Who.StaffOrOwner, r => $"/plans/sessions/{r.PlannedSessionId}/workout.fit"),
        ["template"] = (Who.Staff, r => $"/plans/templates/{r.TemplateId}"),
        ["model download"] = (Who.Staff, r => $"/models/versions/{r.ModelVersionId}/onnx"),
    };

    private static readonly Dictionary<string, (Who Rule, string Url)> s_untargeted = new()
    {
        ["admin users"] = (Who.Admin, "/admin/users"),
        ["job dashboard"] = (Who.Admin, "/hangfire"),
        ["teams"] = (Who.Admin | Who.AnyCoach, "/teams"),
        ["workouts"] = (Who.Admin | Who.AnyCoach, "/plans/workouts"),
        ["templates"] = (Who.Admin | Who.AnyCoach, "/plans/templates"),
        ["models"] = (Who.Admin | Who.AnyCoach, "/models"),
        // The caller's own pages: whoever signs in sees only their own (staff without a profile see none).
        ["my wellness"] = (Who.Admin | Who.AnyCoach | Who.AnyAthlete, "/me/wellness"),
        ["my training"] = (Who.Admin | Who.AnyCoach | Who.AnyAthlete, "/me/training"),
    };

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var role in RoleNames)
            {
                foreach (var page in s_targeted.Keys)
                {
                    data.Add(page, role, "team A");
                    data.Add(page, role, "team B");
                }

                foreach (var page in s_untargeted.Keys)
                {
                    data.Add(page, role, "-");
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRoleOpensOrIsRefusedEachUrlAsTheRuleSays(string page, string role, string team)
    {
        var onA = team == "team A";
        Who rule;
        string url;
        if (s_targeted.TryGetValue(page, out var targeted))
        {
            (rule, url) = (targeted.Rule, targeted.Url(onA ? world.A : world.B));
        }
        else
        {
            (rule, url) = s_untargeted[page];
        }

        var relation = role switch
        {
            "admin" => Who.Admin,
            "coach of A" => (onA && team != "-" ? Who.TeamCoach : 0) | Who.AnyCoach,
            "coach of B" => (!onA && team != "-" ? Who.TeamCoach : 0) | Who.AnyCoach,
            "athlete of A" => (onA && team != "-" ? Who.Owner : 0) | Who.AnyAthlete,
            "athlete of B" => (!onA && team != "-" ? Who.Owner : 0) | Who.AnyAthlete,
            _ => (Who)0,
        };

        using var response = await world.Client(role).GetAsync(url);
        var status = (int)response.StatusCode;
        if (role == "anonymous")
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(
                response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)),
                $"anonymous {url}: {status} {location}");
        }
        else if ((rule & relation) != 0)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {url}: {status}, expected 200");
        }
        else
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{role} {url}: {status}, expected a refusal");
        }
    }

    [Fact]
    public void TheUrlMatrixCoversEveryRoleIncludingTheAnonymousVisitor()
    {
        var count = Cases.Count;
        output.WriteLine($"URL authorization matrix: {s_targeted.Count} URLs x 2 teams + {s_untargeted.Count} URLs, x {RoleNames.Length} roles = {count} cases");
        Assert.Equal(RoleNames.Length * ((2 * s_targeted.Count) + s_untargeted.Count), count);
        Assert.True(count >= 200, $"only {count} cases");
    }
}
