using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoachPortal.Web.Security;

/// <summary>
/// Rate limits on every request that checks a secret: password sign-in, second factor and recovery codes, passkey
/// options, password reset, e-mail confirmation and invitation links. Each is limited per client address and, where
/// the request names an account, per account; a refused request gets 429 with Retry-After.
/// </summary>
public static class SignInRateLimiting
{
    private const string AccountKey = "CoachPortal.RateLimitAccount";

    /// <summary>Identity's cookie that carries a half-finished sign-in to the second-factor pages.</summary>
    private const string TwoFactorCookie = "Identity.TwoFactorUserId";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitsOptions>()
            .BindConfiguration(SignInLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<SignInLimitsOptions>>((options, limits) =>
            {
                var l = limits.Value;
                var window = TimeSpan.FromSeconds(l.WindowSeconds);
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        IsLimited(context.Request)
                            ? RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientAddress(context), _ => Window(l.PermitsPerAddress, window))
                            : RateLimitPartition.GetNoLimiter(string.Empty)),
                    PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        context.Items[AccountKey] is string account
                            ? RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => Window(l.PermitsPerAccount, window))
                            : RateLimitPartition.GetNoLimiter(string.Empty)));
                options.OnRejected = (context, _) =>
                {
                    var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    return ValueTask.CompletedTask;
                };
            });
        return services;
    }

    /// <summary>
    /// Reads the account a limited form names (the form is buffered and read again by the page), then applies the
    /// limits. Runs after the forwarded headers so the address is the client's.
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        app.Use(static async (context, next) =>
        {
            if (IsLimited(context.Request) && await AccountOfAsync(context) is { Length: > 0 } account)
            {
                context.Items[AccountKey] = account;
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary>Requests that check a password, a code or a token.</summary>
    public static bool IsLimited(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        if (path.StartsWithSegments("/invite", StringComparison.OrdinalIgnoreCase))
        {
            // Both the link (a token lookup) and the form that accepts it.
            return true;
        }

        if (!path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return false;
        }

        var page = rest.Value?.Trim('/') ?? string.Empty;
        if (HttpMethods.IsGet(request.Method))
        {
            // Links carrying a token.
            return page.Equals("ConfirmEmail", StringComparison.OrdinalIgnoreCase)
                || page.Equals("ConfirmEmailChange", StringComparison.OrdinalIgnoreCase);
        }

        // Signing out and managing one's own account need a signed-in user already.
        return HttpMethods.IsPost(request.Method)
            && !page.Equals("Logout", StringComparison.OrdinalIgnoreCase)
            && !page.StartsWith("Manage", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What a request tries to get into: the invitation its link names, the half-finished sign-in a second-factor
    /// code is for, or the e-mail typed into a sign-in or reset form.
    /// </summary>
    private static async Task<string?> AccountOfAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/invite", StringComparison.OrdinalIgnoreCase))
        {
            return "invite" + request.Path.Value;
        }

        if (request.Path.Value?.Contains("/LoginWith", StringComparison.OrdinalIgnoreCase) == true
            && request.Cookies[TwoFactorCookie] is { Length: > 0 } pending)
        {
            return "2fa:" + pending;
        }

        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (form["Input.Email"].ToString() is { Length: > 0 } email)
            {
                return "email:" + email.Trim().ToUpperInvariant();
            }
        }

        return null;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
