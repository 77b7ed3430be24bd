using System.Globalization;
using System.Threading.RateLimiting;
using CoachPortal.Core.Users.Tokens;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoachPortal.Web.Api;

/// <summary>
/// A fixed window of requests per token. The limiter runs before authentication, so the partition is the token's
/// SHA-256 — the same value the database stores and looks the token up by, hence one partition per token without a
/// database round trip. Requests without a token are not limited here; they are refused with 401 anyway.
/// </summary>
public sealed class ApiRateLimitPolicy(IOptions<ApiTokenOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "api-token";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = static async (context, _) =>
    {
        var http = context.HttpContext;
        var window = TimeSpan.FromSeconds(http.RequestServices.GetRequiredService<IOptions<ApiTokenOptions>>().Value.WindowSeconds);
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "This token made too many requests; wait for the time in Retry-After.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (ApiTokenAuthenticationHandler.PresentedToken(httpContext.Request) is not { } token)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limits = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(ApiTokenService.Hash(token), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitsPerWindow,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
