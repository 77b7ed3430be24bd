using System.Security.Claims;
using Bunit;
using CoachPortal.Core.Security;
using CoachPortal.Web.Components.Shared;

namespace CoachPortal.Web.Tests.Components;

public sealed class CascadingCallerTests : PortalTestContext
{
    [Fact]
    public void TheSignedInUserReachesTheComponentsBelowAsTheCallerTheServicesTake()
    {
        // Only the authentication state changes: the cascade of the base class still holds its administrator.
        Authorization.SetAuthorized("coach@test.local").SetRoles(Roles.Coach).SetClaims(new Claim(ClaimTypes.NameIdentifier, "coach-7"));

        var cut = Render<CascadingCaller>(p => p.AddChildContent<CallerProbe>());

        Assert.Equal("coach-7 Coach", cut.Find("#caller").TextContent);
    }
}
