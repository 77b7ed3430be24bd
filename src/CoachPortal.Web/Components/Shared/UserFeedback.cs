using CoachPortal.Core.Security;
using MudBlazor;

namespace CoachPortal.Web.Components.Shared;

/// <summary>Runs a user action and reports the outcome in a snackbar: the domain's message on a refusal, a generic one otherwise.</summary>
public static class UserFeedback
{
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> action, string? success = null)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (DomainException ex)
        {
            snackbar.Add(ex.Message, ex is ConcurrencyConflictException ? Severity.Warning : Severity.Error);
            return false;
        }
    }
}
