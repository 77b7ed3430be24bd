using Microsoft.Playwright;

namespace CoachPortal.Web.Tests;

/// <summary>Helpers shared by the browser flows.</summary>
public static class BrowserTest
{
    /// <summary>
    /// Skips only where a developer has no Chromium; under CI a missing browser fails the run instead of
    /// silently passing it.
    /// </summary>
    public static void RequireBrowser()
    {
        var reason = PortalServer.MissingBrowserReason;
        if (reason is null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException("CI is set but browser tests cannot run: " + reason);
        }

        Skip.If(true, reason);
    }

    public static async Task SignInAsync(this IPage page, string email, string password = PortalServer.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
    }

    /// <summary>Waits until the interactive circuit is up: clicks sent before then are lost.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("#app-ready[data-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForCircuitAsync();
    }

    /// <summary>The text input of a MudBlazor field carrying <c>data-testid</c> (on the input itself or on its wrapper).</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    public static Task ScreenshotAsync(this IPage page, PortalServer server, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, name + ".png"), FullPage = true });
}
