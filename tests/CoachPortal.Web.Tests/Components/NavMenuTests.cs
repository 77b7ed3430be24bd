using Bunit;
using CoachPortal.Core.Security;
using CoachPortal.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoachPortal.Web.Tests.Components;

/// <summary>
/// Every circuit holds the menu, so its entries are plain links with MudBlazor's nav classes (one component each);
/// each role sees its own entries, and only links that leave the app are MudNavLinks.
/// </summary>
public sealed class NavMenuTests : PortalTestContext
{
    [Fact]
    public void ACoachSeesTheCoachEntriesAsOneLinkComponentEachAndTheCurrentPageMarked()
    {
        SignIn("coach-1", "coach@test.local", Roles.Coach);
        Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo("/teams/3");

        var cut = Render<NavMenu>();

        var links = cut.FindAll("a.mud-nav-link").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent.Trim(), Active: a.ClassList.Contains("active"))).ToList();
        Assert.Equal(["/", "/teams", "/models", "/board", "/sessions/upload", "/plans/workouts", "/plans/templates", "/me/tokens"], links.Select(l => l.Href).Take(8));
        Assert.Equal("/teams", Assert.Single(links, l => l.Active).Href);
        Assert.DoesNotContain(links, l => l.Href is "/me/today" or "/admin/users");
        Assert.Equal(8 + 1, cut.FindComponents<NavLink>().Count); // the eight entries, and the one inside Account's MudNavLink
        Assert.Equal(["Account"], cut.FindComponents<MudNavLink>().Select(l => l.Find("a").TextContent.Trim()));
        Assert.All(cut.FindAll("a.mud-nav-link svg.mud-nav-link-icon"), svg => Assert.NotEmpty(svg.InnerHtml));
    }

    [Fact]
    public void AnAthleteSeesTheirOwnEntriesAndNoneOfTheCoaches()
    {
        SignIn("athlete-1", "athlete@test.local", Roles.Athlete);

        var cut = Render<NavMenu>();

        var hrefs = cut.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/me/wellness", hrefs);
        Assert.Contains("/me/calendar", hrefs);
        Assert.DoesNotContain("/teams", hrefs);
        Assert.DoesNotContain("/models", hrefs);
    }
}
