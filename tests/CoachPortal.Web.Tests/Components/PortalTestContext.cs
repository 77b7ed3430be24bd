using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CoachPortal.Core.Notifications;
using CoachPortal.Core.Security;
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
    private Caller _caller = Caller.Of("admin-1", Roles.Admin);

    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Notifier);
        // Fixed like the portal's cascade; read at the first render, so a test may sign in as another user before it.
        Services.AddCascadingValue(_ => new CascadingValueSource<Caller>(() => _caller, isFixed: true));
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
        await DisposeAsync();
        await OnDisposedAsync();
    }

    /// <summary>Runs after the renderer and its services are gone: the place to delete files the test made.</summary>
    protected virtual Task OnDisposedAsync() => Task.CompletedTask;
}
