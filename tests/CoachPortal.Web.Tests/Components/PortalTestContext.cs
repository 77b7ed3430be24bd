using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
using CoachPortal.Core.Users;
using CoachPortal.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CoachPortal.Web.Tests.Components;

/// <summary>
/// What every component test needs: MudBlazor's services and providers, loose JS interop, the clock, the change
/// notifier, and a signed-in caller cascaded to the component as the portal's routes do. An administrator unless the
/// test signs in as someone else before its first render.
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    private readonly BunitAuthorizationContext _authorization;
    private readonly CultureInfo _threadCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _threadUiCulture = CultureInfo.CurrentUICulture;
    private Caller _caller = Caller.Of("admin-1", Roles.Admin);
    private DisplayFormat? _format;

    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Notifier);
        // Fixed like the portal's cascade; read at the first render, so a test may sign in as another user before it.
        Services.AddCascadingValue(_ => new CascadingValueSource<Caller>(() => _caller, isFixed: true));
        // Cascaded like CascadingDisplayFormat does, once a test chose a reader (Read); without one, pages use their default.
        Services.AddCascadingValue(_ => new CascadingValueSource<DisplayFormat>(() => _format ?? DisplayFormat.Current, isFixed: true));
        _authorization = AddAuthorization();
        SignIn("admin-1", "admin@test.local", Roles.Admin);
    }

    protected ChangeNotifier Notifier { get; } = new();

    protected Caller Caller => _caller;

    /// <summary>The authentication state alone, for tests of what the portal derives from it.</summary>
    protected BunitAuthorizationContext Authorization => _authorization;

    protected Caller SignIn(string userId, string userName, params string[] roles)
    {
        _caller = Caller.Of(userId, roles);
        _authorization.SetAuthorized(userName).SetRoles(roles).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return _caller;
    }

    /// <summary>
    /// Renders what follows for a reader of this culture and unit system, as a circuit opened with that culture
    /// would: the thread's culture (MudBlazor inputs) and the cascaded format. Call before the first render.
    /// </summary>
    protected DisplayFormat Read(string culture, UnitSystem units = UnitSystem.Metric)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = info;
        CultureInfo.CurrentUICulture = info;
        _format = new DisplayFormat(info, units);
        return _format;
    }

    // After the constructors, so that derived tests may still register services before the provider is built.
    public virtual Task InitializeAsync()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Task.CompletedTask;
    }

    // MudBlazor registers services that can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _threadCulture;
        CultureInfo.CurrentUICulture = _threadUiCulture;
        await DisposeAsync();
        await OnDisposedAsync();
    }

    /// <summary>Runs after the renderer and its services are gone: the place to delete files the test made.</summary>
    protected virtual Task OnDisposedAsync() => Task.CompletedTask;
}
