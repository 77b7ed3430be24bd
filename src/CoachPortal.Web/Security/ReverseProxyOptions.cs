namespace CoachPortal.Web.Security;

/// <summary>
/// The reverse proxy in front of the portal, if any. Section <c>ReverseProxy</c>. When enabled, the client address
/// and scheme come from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> — but only from the proxies listed:
/// trusting anyone's forwarded headers would let a client pick its own address past the sign-in limits.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Read forwarded headers (default false: the portal faces clients itself).</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>. Loopback is always trusted.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Trusted proxy networks in CIDR form, e.g. <c>172.18.0.0/16</c> for a container network.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];
}
