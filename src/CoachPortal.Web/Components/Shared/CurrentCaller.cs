using CoachPortal.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace CoachPortal.Web.Components.Shared;

/// <summary>The signed-in user of this circuit or request, as the services want it.</summary>
public sealed class CurrentCaller(AuthenticationStateProvider authentication)
{
    public async Task<Caller> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Caller.FromPrincipal(state.User);
    }
}
