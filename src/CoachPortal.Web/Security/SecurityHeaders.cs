using System.Security.Cryptography;

namespace CoachPortal.Web.Security;

/// <summary>
/// The headers every response carries — pages, static files, endpoints, error pages: a Content-Security-Policy
/// with a per-request nonce for the one inline script (Blazor's import map), no MIME sniffing, no framing, a
/// strict referrer and no powerful browser features.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "CoachPortal.CspNonce";

    /// <summary>The nonce of this request's policy; inline scripts carry it as their <c>nonce</c> attribute.</summary>
    public static string CspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex, not base64: the page writes the nonce HTML-encoded, and an encoded '+' or '/' would not match.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>The policy for a request, given its nonce.</summary>
    public static string ContentSecurityPolicy(HttpRequest request, string nonce)
    {
        ArgumentNullException.ThrowIfNull(request);
        // CSP level 3 lets 'self' cover the circuit's same-origin websocket; older engines need it named.
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;

        // BlazePose runs as WebAssembly, which CSP counts as eval. Only the pose pages (loaded in full, never by
        // in-app navigation, so their document carries this policy) may compile WASM; no page may eval JavaScript.
        var wasm = IsPosePage(request.Path) ? " 'wasm-unsafe-eval'" : "";
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' 'nonce-{nonce}'{wasm}",
            // MudBlazor renders style attributes (positions, sizes, colours) and its theme as a <style> element,
            // and apexcharts styles its SVG the same way; neither offers a nonce, so styles stay inline-capable.
            // Scripts do not: an injected style cannot run code.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            $"connect-src 'self' {socket}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    /// <summary>Pages that run pose estimation: <c>/media/{id}/pose</c> and <c>/media/compare</c>.</summary>
    public static bool IsPosePage(PathString path) =>
        path.StartsWithSegments("/media/compare", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/pose", StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds the headers to every response, just before it starts (so error and status pages get them too).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(http.Request, http.CspNonce());
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
